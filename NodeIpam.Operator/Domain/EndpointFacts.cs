namespace NodeIpam.Operator.Domain;

/// <summary>One endpoint of an EndpointSlice, with the conditions already defaulted as the API documents them.</summary>
/// <param name="NodeName">The node it runs on; null when the slice does not say.</param>
/// <param name="Ready">conditions.ready, absent meaning true.</param>
/// <param name="ServingAndTerminating">conditions.serving (absent: as ready) and conditions.terminating (absent: false) both true.</param>
/// <param name="Display">How to name the endpoint to a person: the target Pod's name, else its first address.</param>
internal readonly record struct EndpointFacts(string? NodeName, bool Ready, bool ServingAndTerminating, string Display);
