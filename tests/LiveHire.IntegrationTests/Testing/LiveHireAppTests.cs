using LiveHire.Testing;

namespace LiveHire.IntegrationTests.Testing;

public sealed class LiveHireAppTests
{
    [Theory]
    [InlineData("/repo/tests/LiveHire.EndToEndTests/bin/Release/net10.0/", "Release")]
    [InlineData("/repo/tests/LiveHire.EndToEndTests/bin/Debug/net10.0", "Debug")]
    public void Build_configuration_is_read_off_the_folder_under_bin(string baseDirectory, string expected)
    {
        LiveHireApp.ConfigurationOf(baseDirectory).ShouldBe(expected);
    }

    [Fact]
    public void Hosts_are_started_from_the_same_configuration_as_the_tests()
    {
#if DEBUG
        LiveHireApp.Configuration.ShouldBe("Debug");
#else
        LiveHireApp.Configuration.ShouldBe("Release");
#endif
    }
}
