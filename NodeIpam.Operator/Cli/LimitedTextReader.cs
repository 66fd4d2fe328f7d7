namespace NodeIpam.Operator.Cli;

/// <summary>
/// A reader over one input of <c>plan -f</c> that refuses to read more than a limit (so an endless or huge input,
/// such as a runaway pipe, ends in an <see cref="InputException"/> instead of exhausting memory), refuses NUL
/// characters (<c>/dev/zero</c>, binary files), and can look past leading white space without consuming it (to tell JSON from YAML on a stream).
/// </summary>
internal sealed class LimitedTextReader(TextReader inner, string source, long maxChars, string limitText) : TextReader
{
    private const int PeekChunk = 4096;
    private string _pending = string.Empty;
    private int _pendingPosition;
    private long _read;

    /// <summary>The first character that is not white space, without consuming anything; -1 at the end.</summary>
    public int PeekNonWhiteSpace()
    {
        var buffer = new char[PeekChunk];
        while (true)
        {
            for (var i = _pendingPosition; i < _pending.Length; i++)
            {
                if (!char.IsWhiteSpace(_pending[i]) && _pending[i] != '\uFEFF')
                {
                    return _pending[i];
                }
            }

            var count = ReadInner(buffer);
            if (count == 0)
            {
                return -1;
            }

            _pending = string.Concat(_pending.AsSpan(_pendingPosition), buffer.AsSpan(0, count));
            _pendingPosition = 0;
        }
    }

    /// <inheritdoc/>
    public override int Peek() => _pendingPosition < _pending.Length ? _pending[_pendingPosition] : inner.Peek();

    /// <inheritdoc/>
    public override int Read()
    {
        Span<char> one = stackalloc char[1];
        return Read(one) == 0 ? -1 : one[0];
    }

    /// <inheritdoc/>
    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    /// <inheritdoc/>
    public override int Read(Span<char> buffer)
    {
        if (_pendingPosition < _pending.Length)
        {
            var count = Math.Min(buffer.Length, _pending.Length - _pendingPosition);
            _pending.AsSpan(_pendingPosition, count).CopyTo(buffer);
            _pendingPosition += count;
            return count;
        }

        return ReadInner(buffer);
    }

    private int ReadInner(Span<char> buffer)
    {
        var count = inner.Read(buffer);
        _read += count;
        if (_read > maxChars)
        {
            throw new InputException($"{source}: larger than {limitText}, the limit for one input");
        }

        // YAML and JSON text never holds NUL; YamlDotNet would read it as the end of the input, so binary data (or
        // UTF-16 without a byte order mark) would pass for an empty cluster.
        if (buffer[..count].Contains('\0'))
        {
            throw new InputException($"{source}: holds a NUL character: binary data, not YAML or JSON text");
        }

        return count;
    }
}
