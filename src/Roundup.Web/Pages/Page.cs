namespace Roundup.Web.Pages;

/// <summary>A page to answer with: its status code and its HTML.</summary>
internal sealed record Page(int StatusCode, string Html);
