namespace NodeIpam.Simulator.Storage;

/// <summary>The outcome kinds of a <see cref="WriteDecision"/>.</summary>
internal enum WriteAction
{
    Put,
    Delete,
    Nothing,
}
