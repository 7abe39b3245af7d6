namespace LiveHire.Web.Pages.Shared;

/// <summary>Where <c>_MyLinks</c> draws a person's own pages.</summary>
public enum MyLinksPlace
{
    /// <summary>In the top bar, on screens wide enough (hidden on phones, where they sit behind 我的).</summary>
    Bar,
    /// <summary>As the list of the 我的 page (/me).</summary>
    Page,
}
