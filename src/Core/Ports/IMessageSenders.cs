namespace LiveHire.Core.Ports;

/// <summary>Sends a text message to a mainland-China mobile number. Pluggable: the development sender writes to the outbox.</summary>
public interface ISmsSender
{
    Task SendAsync(string phoneNumber, string text, CancellationToken cancellationToken = default);
}
