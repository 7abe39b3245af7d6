using FluentValidation;
using LiveHire.Core.Domain;

namespace LiveHire.Web.Features.Jobs;

/// <summary>What a recruiter fills in for a job, to post or revise it. Enums by name ("Month", "FullTime"), benefits as names.</summary>
public sealed record JobRequest(string Title, string? Description, decimal PayMin, decimal PayMax, string PayUnit, string? Hours, string Type,
    string District, string? Street, string? Community, double? Latitude, double? Longitude, IReadOnlyList<string>? Benefits, int Headcount, IReadOnlyList<string>? Groups = null)
{
    public SuitableGroups GroupsValue => (Groups ?? []).Aggregate(SuitableGroups.None, (all, name) => all | Enum.Parse<SuitableGroups>(name));
    public PayUnit PayUnitValue => Enum.Parse<PayUnit>(PayUnit);
    public JobType TypeValue => Enum.Parse<JobType>(Type);
    public Benefits BenefitsValue => (Benefits ?? []).Aggregate(Core.Domain.Benefits.None, (all, name) => all | Enum.Parse<Benefits>(name));
    public Location LocationValue => Location.Create(District, Street ?? "", Community ?? "", Latitude, Longitude);
}

/// <summary>A command that carries a <see cref="JobRequest"/>.</summary>
public interface IJobCommand
{
    JobRequest Request { get; }
}

/// <summary>The rules every job request meets, with field names as the client sends them.</summary>
public abstract class JobRequestValidator<T> : AbstractValidator<T> where T : IJobCommand
{
    protected JobRequestValidator()
    {
        RuleFor(c => c.Request.Title).NotEmpty().MaximumLength(Job.TitleMaxLength).OverridePropertyName("title");
        RuleFor(c => c.Request.Description).MaximumLength(Job.DescriptionMaxLength).OverridePropertyName("description");
        RuleFor(c => c.Request.Hours).MaximumLength(80).OverridePropertyName("hours");
        RuleFor(c => c.Request.PayUnit).NotEmpty().IsEnumName(typeof(PayUnit)).OverridePropertyName("payUnit");
        RuleFor(c => c.Request.Type).NotEmpty().IsEnumName(typeof(JobType)).OverridePropertyName("type");
        RuleFor(c => c.Request.District).NotEmpty().MaximumLength(Location.PartMaxLength).OverridePropertyName("district");
        RuleFor(c => c.Request.Street).MaximumLength(Location.PartMaxLength).OverridePropertyName("street");
        RuleFor(c => c.Request.Community).MaximumLength(Location.PartMaxLength).OverridePropertyName("community");
        RuleFor(c => c.Request.Latitude).InclusiveBetween(-90, 90).OverridePropertyName("latitude");
        RuleFor(c => c.Request.Longitude).InclusiveBetween(-180, 180).OverridePropertyName("longitude");
        RuleFor(c => c.Request).Must(r => (r.Latitude is null) == (r.Longitude is null)).OverridePropertyName("latitude")
            .WithMessage("A map point needs both latitude and longitude.");
        RuleForEach(c => c.Request.Groups).IsEnumName(typeof(SuitableGroups)).NotEqual(nameof(SuitableGroups.None)).OverridePropertyName("groups");
        RuleForEach(c => c.Request.Benefits).IsEnumName(typeof(Benefits)).NotEqual(nameof(Benefits.None)).OverridePropertyName("benefits");
    }
}
