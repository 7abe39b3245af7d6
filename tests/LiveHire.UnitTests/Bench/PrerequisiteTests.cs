using LiveHire.Bench.Harness;
using LiveHire.Bench.Scenarios;

namespace LiveHire.UnitTests.Bench;

public sealed class PrerequisiteTests
{
    [Fact]
    public void Nothing_missing_says_nothing()
    {
        // The test machine has what the bench runs: the test command installs it all.
        Prerequisite.Missing([.. Prerequisite.Deployment, .. new VoteStorm().Needs, .. new LiveVideo().Needs]).ShouldBeNull();
    }

    [Fact]
    public void Each_missing_piece_is_named_once_with_one_command_that_installs_them_all()
    {
        var message = Prerequisite.Missing(
        [
            new("redis-server", "/nonexistent/redis-server", "apt-get install redis-server"),
            new("a program on PATH", "livehire-no-such-program", "apt-get install no-such-package"),
            new("Azurite", "/nonexistent/azurite-blob", "npm ci --prefix tests/tools"),
            new("redis-server again", "/nonexistent/redis-server", "apt-get install redis-server"),
            new("sh", "sh", "apt-get install dash"),
        ]);

        message.ShouldNotBeNull();
        message.ShouldContain("  - redis-server: /nonexistent/redis-server not found (apt-get install redis-server)");
        message.ShouldContain("  - a program on PATH: livehire-no-such-program not found (apt-get install no-such-package)");
        message.ShouldContain("  - Azurite: /nonexistent/azurite-blob not found (npm ci --prefix tests/tools)");
        message.ShouldNotContain("redis-server again");
        message.ShouldNotContain("sh:");
        message.ShouldContain("`apt-get update && apt-get install -y redis-server no-such-package && npm ci --prefix tests/tools`");
        message.ShouldContain("scripts/test.sh");
    }
}
