using LiveHire.EndToEndTests;
using LiveHire.Testing;

[assembly: AssemblyFixture(typeof(TestServers))]
[assembly: AssemblyFixture(typeof(BrowserFixture))]
// Each test starts whole deployments and a browser; on two cores, running them one at a time is faster and steadier.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
