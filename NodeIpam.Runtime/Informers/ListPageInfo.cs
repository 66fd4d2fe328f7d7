namespace NodeIpam.Runtime.Informers;

/// <summary>What a LIST page says besides its items.</summary>
/// <param name="ResourceVersion">metadata.resourceVersion; null when absent or empty.</param>
/// <param name="Continue">metadata.continue, the token of the next page; null on the last page.</param>
internal readonly record struct ListPageInfo(string? ResourceVersion, string? Continue);
