using LiveHire.Web.Features.Sessions;

namespace LiveHire.UnitTests.LiveRoom;

public sealed class QuestionCsvTests
{
    [Theory]
    [InlineData("包吃住吗？", "包吃住吗？")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("他说\"包\"", "\"他说\"\"包\"\"\"")]
    [InlineData("一行\n两行", "\"一行\n两行\"")]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("-2", "'-2")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("", "")]
    public void Fields_are_escaped_for_csv_and_never_run_as_formulas(string value, string expected) =>
        Csv.Field(value).ShouldBe(expected);
}
