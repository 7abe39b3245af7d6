using LiveHire.Core.Domain;

namespace LiveHire.Web.Features.Recommendations;

/// <summary>A recommended job as the candidate sees it: the job, why it was recommended, and whether they applied.</summary>
public sealed record RecommendationView(Guid Id, Guid JobId, string JobTitle, string EmployerName, decimal PayMin, decimal PayMax, string PayUnit,
    string District, string Street, string Community, IReadOnlyList<MatchReason> Reasons, DateTimeOffset MadeAt, bool ByOrganizer, bool Applied, bool New);
