using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using LiveHire.Core.Data;
using LiveHire.Realtime;
using LiveHire.Realtime.Hubs;
using LiveHire.Web.Infrastructure;
using LiveHire.Workers;

namespace LiveHire.UnitTests.Architecture;

/// <summary>
/// The boundaries in ARCHITECTURE.md, checked on the compiled assemblies: what each one references is read from its
/// metadata, so a boundary broken by any code (generated code included) fails here.
/// </summary>
public sealed class BoundaryTests
{
    private static readonly string[] Hosts = ["LiveHire.Web", "LiveHire.Realtime", "LiveHire.Workers"];

    private static Assembly Core => typeof(LiveHireDbContext).Assembly;
    private static Assembly Web => typeof(LiveHubUrl).Assembly;
    private static Assembly Realtime => typeof(LiveHub).Assembly;
    private static Assembly Workers => typeof(WorkersHostingExtensions).Assembly;

    [Fact]
    public void Core_references_no_host()
    {
        AssemblyReferences(Core).Intersect(Hosts).ShouldBeEmpty();
        TypeReferences(Core).Where(t => Hosts.Contains(t.Assembly)).ShouldBeEmpty();
    }

    [Fact]
    public void Workers_reference_no_hub_or_web()
    {
        AssemblyReferences(Workers).ShouldNotContain("LiveHire.Realtime");
        AssemblyReferences(Workers).ShouldNotContain("LiveHire.Web");
        TypeReferences(Workers).Where(t => t.Assembly is "LiveHire.Realtime" or "LiveHire.Web").ShouldBeEmpty();
        TypeReferences(Workers).Where(IsHubContext).ShouldBeEmpty();
    }

    [Fact]
    public void Web_code_never_touches_hub_types()
    {
        var references = TypeReferences(Web);
        var entryPoint = typeof(RealtimeHostingExtensions).FullName!;

        // Embedded mode hosts the live room through its one entry point; nothing else of Realtime, and no hub context.
        references.ShouldContain(t => t.FullName == entryPoint, "the metadata reader should see Web's use of the entry point");
        references
            .Where(t => t.Namespace == "LiveHire.Realtime.Hubs" || t.Namespace.StartsWith("LiveHire.Realtime.Hubs.", StringComparison.Ordinal)
                        || IsHubContext(t)
                        || (t.Assembly == "LiveHire.Realtime" && t.FullName != entryPoint))
            .Select(t => t.FullName)
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ShouldBeEmpty("LiveHire.Web.dll refers to these Realtime or hub types");
    }

    [Fact]
    public void Hub_path_known_to_Web_matches_the_hub()
    {
        LiveHubUrl.Path.ShouldBe(LiveHub.Path);
    }

    [Fact]
    public void Every_public_hub_method_documents_who_may_call_it()
    {
        var doc = RealtimeDoc();
        var methods = HubMethods();

        methods.ShouldContain(nameof(LiveHub.JoinSession)); // the rule cannot pass by finding no methods at all
        foreach (var method in methods)
            doc.ShouldContain($"`{method}`", customMessage: $"docs/realtime.md does not document the hub method {method} (who may call it, arguments, result).");
    }

    [Fact]
    public void Every_message_the_hub_sends_to_clients_is_documented()
    {
        var doc = RealtimeDoc();

        foreach (var method in typeof(ILiveClient).GetMethods().Select(m => m.Name).Distinct())
            doc.ShouldContain($"`{method}`", customMessage: $"docs/realtime.md does not document the client message {method}.");
    }

    /// <summary>The methods clients can invoke: SignalR exposes public methods except those Hub itself declares or overrides.</summary>
    private static IReadOnlyList<string> HubMethods() =>
        typeof(LiveHub).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => !m.IsSpecialName && m.GetBaseDefinition().DeclaringType == typeof(LiveHub))
            .Select(m => m.Name)
            .Distinct()
            .ToList();

    private static string RealtimeDoc()
    {
        var path = Path.Combine(RepoRoot(), "docs", "realtime.md");
        File.Exists(path).ShouldBeTrue($"{path} is missing: the hub protocol must be documented there.");
        return File.ReadAllText(path);
    }

    private static string RepoRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "LiveHire.sln")))
                return directory.FullName;
        }

        throw new InvalidOperationException($"No LiveHire.sln in {AppContext.BaseDirectory} or above.");
    }

    private static bool IsHubContext(TypeRef type) =>
        type.Namespace == "Microsoft.AspNetCore.SignalR" && type.Name.StartsWith("IHubContext", StringComparison.Ordinal);

    private static IReadOnlyList<string> AssemblyReferences(Assembly assembly)
    {
        using var pe = new PEReader(File.OpenRead(assembly.Location));
        var metadata = pe.GetMetadataReader();
        return metadata.AssemblyReferences
            .Select(h => metadata.GetString(metadata.GetAssemblyReference(h).Name))
            .ToList();
    }

    private sealed record TypeRef(string Assembly, string Namespace, string Name)
    {
        public string FullName => Namespace.Length == 0 ? Name : $"{Namespace}.{Name}";
    }

    /// <summary>Every type the assembly's code refers to in another assembly, nested types named by their outermost type.</summary>
    private static IReadOnlyList<TypeRef> TypeReferences(Assembly assembly)
    {
        using var pe = new PEReader(File.OpenRead(assembly.Location));
        var metadata = pe.GetMetadataReader();
        var types = new List<TypeRef>();
        foreach (var handle in metadata.TypeReferences)
        {
            var reference = metadata.GetTypeReference(handle);
            // A nested type's scope is its enclosing type; climb to the outermost, whose scope is an assembly.
            while (reference.ResolutionScope.Kind == HandleKind.TypeReference)
                reference = metadata.GetTypeReference((TypeReferenceHandle)reference.ResolutionScope);
            if (reference.ResolutionScope.Kind != HandleKind.AssemblyReference)
                continue;
            var scope = metadata.GetAssemblyReference((AssemblyReferenceHandle)reference.ResolutionScope);
            types.Add(new TypeRef(metadata.GetString(scope.Name), metadata.GetString(reference.Namespace), metadata.GetString(reference.Name)));
        }

        return types;
    }
}
