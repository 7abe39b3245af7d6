using LiveHire.Core.Domain;

namespace LiveHire.UnitTests.Domain;

public sealed class UserChannelsTests
{
    [Fact]
    public void A_new_person_gets_text_messages_until_they_choose_otherwise()
    {
        new User().Channels.ShouldBe(MessageChannels.Sms);
    }

    [Fact]
    public void Email_cannot_be_chosen_without_an_address_and_the_choice_is_kept()
    {
        var candidate = new User { PhoneNumber = "13700137000" };

        var result = candidate.ChooseChannels(MessageChannels.Sms | MessageChannels.Email);

        result.Error!.Code.ShouldBe("validation.channels.email");
        candidate.Channels.ShouldBe(MessageChannels.Sms);
    }

    [Fact]
    public void Sms_cannot_be_chosen_without_a_number_but_nothing_at_all_can()
    {
        var candidate = new User { Email = "li@example.org" };

        candidate.ChooseChannels(MessageChannels.Sms).Error!.Code.ShouldBe("validation.channels.sms");
        candidate.ChooseChannels(MessageChannels.None).IsSuccess.ShouldBeTrue();
        candidate.Wants(MessageChannels.Sms).ShouldBeFalse();
        candidate.ChooseChannels(MessageChannels.Email).IsSuccess.ShouldBeTrue();
        candidate.Wants(MessageChannels.Email).ShouldBeTrue();
    }
}
