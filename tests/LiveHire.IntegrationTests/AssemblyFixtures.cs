using LiveHire.Testing;

// One Redis, one PostgreSQL and one Azurite for the whole assembly; tests isolate through their own databases,
// key prefixes and containers.
[assembly: AssemblyFixture(typeof(TestServers))]
