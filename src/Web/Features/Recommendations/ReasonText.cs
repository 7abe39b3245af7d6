using LiveHire.Core.Domain;
using Microsoft.Extensions.Localization;

namespace LiveHire.Web.Features.Recommendations;

/// <summary>A recommendation's reason in words, in the reader's language (stored reasons are kinds and raw details).</summary>
public static class ReasonText
{
    public static string Describe(MatchReason reason, IStringLocalizer<ProfileResource> p, IStringLocalizer<HiringResource> h) => reason.Kind switch
    {
        ReasonKind.Group => p["Reason.Group", string.Join("、", reason.Detail.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(g => h[$"Group.{g}"].Value))],
        ReasonKind.Pay when reason.Detail.LastIndexOf(' ') is var space and > 0 =>
            p["Reason.Pay", $"{reason.Detail[..space]} {h[$"Unit.{reason.Detail[(space + 1)..]}"].Value}"],
        _ => p[$"Reason.{reason.Kind}", reason.Detail],
    };
}
