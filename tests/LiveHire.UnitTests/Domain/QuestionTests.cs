using LiveHire.Core.Domain;

namespace LiveHire.UnitTests.Domain;

public sealed class QuestionTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 1, 30, 0, TimeSpan.Zero);
    private readonly Guid _author = Guid.NewGuid();

    private static LiveSession Session() =>
        LiveSession.Schedule(Guid.NewGuid(), null, "直播带岗", Now.AddHours(1), Now.AddHours(2), Guid.NewGuid(), Now).Value!;

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\n　")] // ideographic space, as typed on a Chinese keyboard
    public void Empty_or_blank_question_is_refused(string? text)
    {
        var result = Question.Ask(Session(), _author, text, Now);

        result.IsSuccess.ShouldBeFalse();
        result.Error!.Code.ShouldBe("validation.question.empty");
    }

    [Fact]
    public void Question_of_exactly_the_maximum_length_is_accepted()
    {
        var text = new string('问', Question.TextMaxLength);

        Question.Ask(Session(), _author, text, Now).Value!.Text.ShouldBe(text);
    }

    [Fact]
    public void Question_one_character_too_long_is_refused()
    {
        var result = Question.Ask(Session(), _author, new string('问', Question.TextMaxLength + 1), Now);

        result.Error!.Code.ShouldBe("validation.question.too_long");
    }

    [Fact]
    public void Question_is_trimmed_before_it_is_measured_and_stored()
    {
        var text = new string('问', Question.TextMaxLength);

        Question.Ask(Session(), _author, $"  {text}\n", Now).Value!.Text.ShouldBe(text);
    }

    [Fact]
    public void Asked_question_is_visible_and_belongs_to_its_session_and_author()
    {
        var session = Session();

        var question = Question.Ask(session, _author, " 包住宿吗？ ", Now).Value!;

        question.Text.ShouldBe("包住宿吗？");
        question.SessionId.ShouldBe(session.Id);
        question.AuthorId.ShouldBe(_author);
        question.Status.ShouldBe(QuestionStatus.Visible);
        question.CreatedAt.ShouldBe(Now);
        question.Answer.ShouldBeNull();
    }

    [Fact]
    public void Live_session_takes_questions()
    {
        var session = Session();
        session.GoLive(Now).IsSuccess.ShouldBeTrue();

        Question.Ask(session, _author, "周末休息吗？", Now).IsSuccess.ShouldBeTrue();
    }

    [Fact]
    public void Ended_session_refuses_questions()
    {
        var session = Session();
        session.GoLive(Now).IsSuccess.ShouldBeTrue();
        session.End(Now.AddHours(1)).IsSuccess.ShouldBeTrue();

        Question.Ask(session, _author, "还招人吗？", Now.AddHours(1)).Error!.Code.ShouldBe("conflict.session.closed");
    }

    [Fact]
    public void Cancelled_session_refuses_questions()
    {
        var session = Session();
        session.Cancel().IsSuccess.ShouldBeTrue();

        Question.Ask(session, _author, "还开吗？", Now).Error!.Code.ShouldBe("conflict.session.closed");
    }
}
