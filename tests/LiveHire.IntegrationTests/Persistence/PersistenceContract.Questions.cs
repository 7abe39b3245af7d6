using LiveHire.Core.Data;
using LiveHire.Core.Domain;
using LiveHire.Realtime.Features.LiveRoom;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace LiveHire.IntegrationTests.Persistence;

/// <summary>
/// The live room's question writer (group commit) on each real database: the first save is held open by an interceptor,
/// so the questions asked meanwhile are known to go into the next save together.
/// </summary>
public abstract partial class PersistenceContract
{
    [Fact]
    public async Task Questions_asked_while_one_is_being_stored_are_stored_together_each_once()
    {
        var (session, author) = await LiveSessionWithCandidateAsync();
        var saves = new HeldFirstSave();
        var writer = Writer(saves);

        var first = writer.SaveAsync(Ask(session.AskRules, author, "第一个问题"));
        await saves.FirstStarted.WaitAsync(Ct);
        var meanwhile = Enumerable.Range(1, 30).Select(i => writer.SaveAsync(Ask(session.AskRules, author, $"问题 {i}"))).ToList();
        meanwhile.ShouldAllBe(t => !t.IsCompleted, "nothing is stored before it is committed");
        saves.Release();
        await first.WaitAsync(Ct);
        await Task.WhenAll(meanwhile).WaitAsync(Ct);

        saves.QuestionsPerSave.ShouldBe([1, 30]);
        await using var check = NewContext();
        var stored = await check.Questions.Where(q => q.SessionId == session.Id).Select(q => q.Text).ToListAsync(Ct);
        stored.Count.ShouldBe(31);
        stored.Distinct().Count().ShouldBe(31, "each question once");
    }

    [Fact]
    public async Task A_question_that_cannot_be_stored_fails_alone_and_the_others_of_its_batch_are_stored()
    {
        var (session, author) = await LiveSessionWithCandidateAsync();
        var saves = new HeldFirstSave();
        var writer = Writer(saves);

        var first = writer.SaveAsync(Ask(session.AskRules, author, "先问一个"));
        await saves.FirstStarted.WaitAsync(Ct);
        var before = Enumerable.Range(1, 5).Select(i => writer.SaveAsync(Ask(session.AskRules, author, $"前 {i}"))).ToList();
        // A session deleted between the rules check and the save: its row is gone, so the insert breaks a foreign key.
        var orphan = writer.SaveAsync(Ask(new AskRules(Guid.NewGuid(), AcceptsQuestions: true, PreModeration: false), author, "场次没了"));
        var after = Enumerable.Range(1, 5).Select(i => writer.SaveAsync(Ask(session.AskRules, author, $"后 {i}"))).ToList();
        saves.Release();

        await first.WaitAsync(Ct);
        await Task.WhenAll(before.Concat(after)).WaitAsync(Ct);
        DbErrors.IsConstraintViolation(await Should.ThrowAsync<DbUpdateException>(() => orphan.WaitAsync(Ct))).ShouldBeTrue();
        saves.QuestionsPerSave.ShouldBe([1, 11, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1], "the eleven were tried together first, then one by one");
        await using var check = NewContext();
        (await check.Questions.CountAsync(q => q.SessionId == session.Id, Ct)).ShouldBe(11);
    }

    [Fact]
    public async Task When_the_database_fails_a_batch_fails_at_once_and_later_questions_are_stored()
    {
        var (session, author) = await LiveSessionWithCandidateAsync();
        var saves = new HeldFirstSave { FailingSave = 2 };
        var writer = Writer(saves);

        var first = writer.SaveAsync(Ask(session.AskRules, author, "第一个"));
        await saves.FirstStarted.WaitAsync(Ct);
        var doomed = Enumerable.Range(1, 5).Select(i => writer.SaveAsync(Ask(session.AskRules, author, $"赶上故障 {i}"))).ToList();
        saves.Release();

        await first.WaitAsync(Ct);
        foreach (var question in doomed)
            (await Should.ThrowAsync<TimeoutException>(() => question.WaitAsync(Ct))).Message.ShouldBe(HeldFirstSave.Failure);
        await writer.SaveAsync(Ask(session.AskRules, author, "恢复以后")).WaitAsync(Ct);
        saves.QuestionsPerSave.ShouldBe([1, 5, 1], "a failing database is not asked again question by question");
        await using var check = NewContext();
        (await check.Questions.Where(q => q.SessionId == session.Id).Select(q => q.Text).ToListAsync(Ct))
            .ShouldBe(["恢复以后", "第一个"], ignoreOrder: true);
    }

    private QuestionWriter Writer(HeldFirstSave saves)
    {
        var services = new ServiceCollection().AddScoped(_ => NewContext(saves)).BuildServiceProvider();
        return new QuestionWriter(services.GetRequiredService<IServiceScopeFactory>(), NullLogger<QuestionWriter>.Instance);
    }

    private Question Ask(AskRules rules, User author, string text) => Question.Ask(rules, author.Id, text, Now).Value!;

    private async Task<(LiveSession Session, User Author)> LiveSessionWithCandidateAsync()
    {
        var (employer, recruiter) = await AddEmployerAndRecruiterAsync();
        var candidate = NewUser(null, "小刘");
        var session = Schedule(employer, recruiter, "普工专场", new DateTimeOffset(2026, 3, 2, 10, 0, 0, Beijing));
        await AddAsync(candidate, session);
        return (session, candidate);
    }

    /// <summary>
    /// Counts the questions in each save, holds the first save open until released, and makes save number
    /// <see cref="FailingSave"/> fail as a database that does not answer would.
    /// </summary>
    private sealed class HeldFirstSave : SaveChangesInterceptor
    {
        public const string Failure = "the database did not answer";
        public int FailingSave { get; init; }

        private readonly TaskCompletionSource started = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource released = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly List<int> sizes = [];

        public Task FirstStarted => started.Task;
        public IReadOnlyList<int> QuestionsPerSave { get { lock (sizes) return [.. sizes]; } }
        public void Release() => released.TrySetResult();

        public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
            CancellationToken cancellationToken = default)
        {
            int count;
            lock (sizes)
            {
                sizes.Add(eventData.Context!.ChangeTracker.Entries<Question>().Count());
                count = sizes.Count;
            }
            if (count == 1)
            {
                started.TrySetResult();
                await released.Task;
            }
            if (count == FailingSave) throw new TimeoutException(Failure);
            return result;
        }
    }
}
