namespace NodeIpam.Operator.Cli;

/// <summary>Input that cannot be read; the message is one line naming the source and the problem.</summary>
internal sealed class InputException : Exception
{
    public InputException()
    {
    }

    public InputException(string message)
        : base(message)
    {
    }

    public InputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
