using LiveHire.Core.Domain;
using Microsoft.Extensions.Time.Testing;

namespace LiveHire.UnitTests.Domain;

public sealed class PhoneVerificationTests
{
    private const string Phone = "13800138000";
    private const string Code = "482913";
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 1, 30, 0, TimeSpan.Zero));

    private DateTimeOffset Now => _clock.GetUtcNow();

    private PhoneVerification Issue() => PhoneVerification.Issue(Phone, Code, Now);

    [Fact]
    public void Right_code_is_accepted_once()
    {
        var verification = Issue();
        _clock.Advance(TimeSpan.FromSeconds(30));

        verification.TryConsume(Code, Now).ShouldBeTrue();
        verification.ConsumedAt.ShouldBe(Now);

        verification.TryConsume(Code, Now).ShouldBeFalse();
        verification.IsUsable(Now).ShouldBeFalse();
    }

    [Fact]
    public void Code_typed_with_surrounding_spaces_is_accepted()
    {
        Issue().TryConsume($" {Code} ", Now).ShouldBeTrue();
    }

    [Fact]
    public void Only_a_hash_of_the_code_is_kept()
    {
        var verification = Issue();

        verification.CodeHash.ShouldNotContain(Code);
        verification.CodeHash.Length.ShouldBe(64);
    }

    [Fact]
    public void Same_code_for_another_phone_does_not_match()
    {
        // The hash covers the phone number, so equal codes sent to two people are not interchangeable.
        PhoneVerification.Issue("13900139000", Code, Now).CodeHash.ShouldNotBe(Issue().CodeHash);
    }

    [Fact]
    public void Wrong_code_is_refused_and_counted()
    {
        var verification = Issue();

        verification.TryConsume("000000", Now).ShouldBeFalse();
        verification.TryConsume("111111", Now).ShouldBeFalse();

        verification.Attempts.ShouldBe(2);
        verification.ConsumedAt.ShouldBeNull();
        verification.IsUsable(Now).ShouldBeTrue();
    }

    [Fact]
    public void Right_code_still_works_after_fewer_than_the_maximum_wrong_tries()
    {
        var verification = Issue();
        for (var i = 0; i < PhoneVerification.MaxAttempts - 1; i++)
            verification.TryConsume("000000", Now).ShouldBeFalse();

        verification.TryConsume(Code, Now).ShouldBeTrue();
    }

    [Fact]
    public void Maximum_wrong_tries_burn_the_code_even_for_the_right_code()
    {
        var verification = Issue();
        for (var i = 0; i < PhoneVerification.MaxAttempts; i++)
            verification.TryConsume("000000", Now).ShouldBeFalse();

        verification.TryConsume(Code, Now).ShouldBeFalse();

        verification.IsUsable(Now).ShouldBeFalse();
        verification.ConsumedAt.ShouldBeNull();
        verification.Attempts.ShouldBe(PhoneVerification.MaxAttempts);
    }

    [Fact]
    public void Right_code_works_until_just_before_expiry()
    {
        var verification = Issue();
        _clock.Advance(PhoneVerification.Lifetime - TimeSpan.FromSeconds(1));

        verification.TryConsume(Code, Now).ShouldBeTrue();
    }

    [Fact]
    public void Expired_code_is_refused_even_when_right()
    {
        var verification = Issue();
        _clock.Advance(PhoneVerification.Lifetime);

        verification.TryConsume(Code, Now).ShouldBeFalse();

        verification.IsUsable(Now).ShouldBeFalse();
        verification.ConsumedAt.ShouldBeNull();
    }
}
