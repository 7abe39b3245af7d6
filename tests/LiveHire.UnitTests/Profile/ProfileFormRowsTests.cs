using LiveHire.Web.Pages.Me;

namespace LiveHire.UnitTests.Profile;

/// <summary>The profile form opens the rows with something in them and one blank row; other blank rows fold away.</summary>
public sealed class ProfileFormRowsTests
{
    [Theory]
    [InlineData("___", "0", "1,2")]
    [InlineData("x__", "0,1", "2")]
    [InlineData("xx_", "0,1,2", "")]
    [InlineData("xxx", "0,1,2", "")]
    // Filled out of order (a 400 page keeps the rows as they were typed): the first blank stays open where it is.
    [InlineData("_x_", "0,1", "2")]
    [InlineData("x_x_", "0,1,2", "3")]
    public void Rows_with_content_and_the_first_blank_are_open_the_other_blanks_folded(string rows, string open, string folded)
    {
        var (opened, folds) = ProfileModel.Rows(rows.Select(c => c == '_').ToList());

        string.Join(",", opened).ShouldBe(open);
        string.Join(",", folds).ShouldBe(folded);
    }
}
