namespace LiveHire.Web;

/// <summary>Marker for the sign-in and sign-up strings in Resources/AccountResource.{culture}.resx.</summary>
public sealed class AccountResource;
