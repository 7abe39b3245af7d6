using System.ComponentModel.DataAnnotations;
using LiveHire.Core.Options;

namespace LiveHire.UnitTests.Options;

public sealed class RecordingOptionsTests
{
    private static IReadOnlyList<string> Failures(RecordingOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return [.. results.Select(r => r.ErrorMessage ?? "")];
    }

    [Fact]
    public void Defaults_are_valid()
    {
        Failures(new RecordingOptions()).ShouldBeEmpty();
    }

    [Theory]
    [InlineData(0, 1800, "LiveHire:Video:RecordingRetentionDays")]
    [InlineData(-5, 1800, "LiveHire:Video:RecordingRetentionDays")]
    [InlineData(30, 5, "LiveHire:Video:RecordingArchiveLeaseSeconds")]
    public void Out_of_range_setting_is_named_in_the_failure(int retentionDays, int leaseSeconds, string setting)
    {
        Failures(new RecordingOptions { RecordingRetentionDays = retentionDays, RecordingArchiveLeaseSeconds = leaseSeconds })
            .ShouldHaveSingleItem().ShouldContain(setting);
    }
}
