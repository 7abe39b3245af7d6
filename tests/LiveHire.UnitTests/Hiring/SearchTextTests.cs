using LiveHire.Core.Domain;

namespace LiveHire.UnitTests.Hiring;

public sealed class SearchTextTests
{
    [Theory]
    [InlineData("ＣＮＣ操作工（Ｃ１驾照）", "cnc操作工 c1驾照")]
    [InlineData("Forklift  Driver, 夜班!", "forklift driver 夜班")]
    [InlineData("  ", "")]
    public void Folding_makes_full_width_ASCII_lower_case_and_punctuation_single_spaces(string text, string folded)
    {
        SearchText.Fold(text).ShouldBe(folded);
    }

    [Fact]
    public void Keywords_are_folded_words_without_repeats_and_at_most_five()
    {
        SearchText.Keywords("包装  ＰＡＣＫ 包装 a b c d e").ShouldBe(["包装", "pack", "a", "b", "c"]);
        SearchText.Keywords(null).ShouldBeEmpty();
        SearchText.Keywords("%_").ShouldBeEmpty();
    }

    [Fact]
    public void Folding_stops_at_the_maximum_length()
    {
        SearchText.Fold(new string('工', 50), 10).Length.ShouldBe(10);
    }
}
