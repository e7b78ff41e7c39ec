namespace Otp.Behaviours;

/// <summary>Whether a child is a worker or a supervisor itself: Erlang's <c>type</c> in a child spec.</summary>
public enum ChildType
{
    /// <summary><c>worker</c>.</summary>
    Worker,
    /// <summary><c>supervisor</c>: its shutdown defaults to infinity, giving its own subtree time to stop.</summary>
    Supervisor,
}
