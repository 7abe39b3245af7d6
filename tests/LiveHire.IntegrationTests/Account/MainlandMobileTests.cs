using LiveHire.Web.Features.Account;

namespace LiveHire.IntegrationTests.Account;

// Pure rules; they live here until a unit-test project exists.
public sealed class MainlandMobileTests
{
    [Theory]
    [InlineData("13800138000")]
    [InlineData(" 138 0013 8000 ")]
    [InlineData("138-0013-8000")]
    [InlineData("+86 138 0013 8000")]
    [InlineData("+8613800138000")]
    [InlineData("(+86) 13800138000")]
    [InlineData("8613800138000")]
    [InlineData("008613800138000")]
    [InlineData("１３８００１３８０００")] // full-width digits from a Chinese keyboard
    [InlineData("＋８６　１３８００１３８０００")]
    public void Ways_of_typing_a_number_become_its_11_digits(string typed) =>
        MainlandMobile.Normalize(typed).ShouldBe("13800138000");

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("1380013800")] // 10 digits
    [InlineData("138001380001")] // 12 digits
    [InlineData("23800138000")] // does not start with 1
    [InlineData("02388886666")] // a landline
    [InlineData("+1 415 555 0100")] // another country
    [InlineData("+44 13800138000")]
    [InlineData("138OO138000")] // letters O for zeros
    [InlineData("13800138000#")]
    [InlineData("1+3800138000")]
    public void Anything_else_is_not_a_mainland_mobile_number(string? typed) =>
        MainlandMobile.Normalize(typed).ShouldBeNull();
}
