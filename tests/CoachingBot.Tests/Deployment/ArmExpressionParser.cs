using System.Globalization;

namespace CoachingBot.Tests.Deployment;

/// <summary>
/// Parses the inside of an ARM expression (the text between '[' and ']'): single-quoted strings with '' for a quote,
/// integers, function calls, '.name' and '[index]' access.
/// </summary>
internal sealed class ArmExpressionParser(string text)
{
    private int _position;

    public ArmNode ParseWhole()
    {
        var node = ParseExpression();
        SkipSpaces();
        if (_position != text.Length)
        {
            throw Error("unexpected text after the expression");
        }

        return node;
    }

    private ArmNode ParseExpression()
    {
        var node = ParsePrimary();
        while (true)
        {
            SkipSpaces();
            if (TryTake('.'))
            {
                node = new ArmMember(node, ReadIdentifier());
            }
            else if (TryTake('['))
            {
                var key = ParseExpression();
                Expect(']');
                node = new ArmIndex(node, key);
            }
            else
            {
                return node;
            }
        }
    }

    private ArmNode ParsePrimary()
    {
        SkipSpaces();
        if (_position >= text.Length)
        {
            throw Error("expression ends early");
        }

        var c = text[_position];
        if (c == '\'')
        {
            return new ArmLiteral(ReadString());
        }

        if (char.IsAsciiDigit(c) || c == '-')
        {
            var start = _position++;
            while (_position < text.Length && char.IsAsciiDigit(text[_position]))
            {
                _position++;
            }

            return new ArmLiteral(long.Parse(text.AsSpan(start, _position - start), CultureInfo.InvariantCulture));
        }

        var name = ReadIdentifier();
        SkipSpaces();
        Expect('(');
        var arguments = new List<ArmNode>();
        SkipSpaces();
        if (!TryTake(')'))
        {
            do
            {
                arguments.Add(ParseExpression());
                SkipSpaces();
            }
            while (TryTake(','));
            Expect(')');
        }

        return new ArmCall(name, arguments);
    }

    private string ReadString()
    {
        Expect('\'');
        var value = new System.Text.StringBuilder();
        while (true)
        {
            if (_position >= text.Length)
            {
                throw Error("unterminated string");
            }

            var c = text[_position++];
            if (c != '\'')
            {
                value.Append(c);
            }
            else if (_position < text.Length && text[_position] == '\'')
            {
                value.Append('\'');
                _position++;
            }
            else
            {
                return value.ToString();
            }
        }
    }

    private string ReadIdentifier()
    {
        SkipSpaces();
        var start = _position;
        while (_position < text.Length && (char.IsAsciiLetterOrDigit(text[_position]) || text[_position] == '_'))
        {
            _position++;
        }

        return _position > start ? text[start.._position] : throw Error("a name was expected");
    }

    private void SkipSpaces()
    {
        while (_position < text.Length && char.IsWhiteSpace(text[_position]))
        {
            _position++;
        }
    }

    private bool TryTake(char c)
    {
        if (_position < text.Length && text[_position] == c)
        {
            _position++;
            return true;
        }

        return false;
    }

    private void Expect(char c)
    {
        SkipSpaces();
        if (!TryTake(c))
        {
            throw Error($"'{c}' was expected");
        }
    }

    private FormatException Error(string problem) => new($"ARM expression '{text}': {problem} at {_position}");
}
