namespace LiveHire.Web;

/// <summary>Marker for the profile, made-resume and recommendation strings (Resources/ProfileResource.*.resx).</summary>
public sealed class ProfileResource;
