namespace LiveHire.Core.Domain;

/// <summary>An expected failure: a stable machine code plus a message a person can read.</summary>
public sealed record Error(string Code, string Message)
{
    public static Error Validation(string code, string message) => new($"validation.{code}", message);
    public static Error NotFound(string what) => new("not_found", $"{what} was not found.");
    public static Error Forbidden(string message) => new("forbidden", message);
    public static Error Conflict(string code, string message) => new($"conflict.{code}", message);
}

/// <summary>The outcome of an operation whose failures are expected (bad input, wrong state).</summary>
public readonly record struct Result
{
    public Error? Error { get; }
    public bool IsSuccess => Error is null;
    private Result(Error? error) => Error = error;
    public static Result Success() => new(null);
    public static Result Failure(Error error) => new(error);
    public static implicit operator Result(Error error) => Failure(error);
}

/// <summary>The outcome of an operation that yields a value or an expected failure.</summary>
public readonly record struct Result<T>
{
    public T? Value { get; }
    public Error? Error { get; }
    public bool IsSuccess => Error is null;
    private Result(T? value, Error? error) { Value = value; Error = error; }
    public static Result<T> Success(T value) => new(value, null);
    public static Result<T> Failure(Error error) => new(default, error);
    public static implicit operator Result<T>(T value) => Success(value);
    public static implicit operator Result<T>(Error error) => Failure(error);
}
