namespace NodeIpam.Operator.Domain.Labels;

/// <summary>The operators of a Kubernetes label selector (k8s.io/apimachinery selection.Operator).</summary>
internal enum LabelOperator
{
    /// <summary><c>k=v</c>: the key is present with the value.</summary>
    Equals,

    /// <summary><c>k==v</c>: same as <see cref="Equals"/>.</summary>
    DoubleEquals,

    /// <summary><c>k!=v</c>: the key is absent, or present with another value.</summary>
    NotEquals,

    /// <summary><c>k in (a,b)</c>: the key is present with one of the values.</summary>
    In,

    /// <summary><c>k notin (a,b)</c>: the key is absent, or present with none of the values.</summary>
    NotIn,

    /// <summary><c>k</c>: the key is present.</summary>
    Exists,

    /// <summary><c>!k</c>: the key is absent.</summary>
    DoesNotExist,

    /// <summary><c>k&gt;n</c>: the key is present and its value is an integer greater than n.</summary>
    GreaterThan,

    /// <summary><c>k&lt;n</c>: the key is present and its value is an integer less than n.</summary>
    LessThan,
}
