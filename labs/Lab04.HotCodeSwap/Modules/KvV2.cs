// Version 2 of the "kv" module (task 1). This file is compiled at run time, not with the project:
// compiler errors show up in the test's failure message, with line and column.
//
// Write it so that:
//   ("put", key, value) -> "ok"        ("get", key) -> the value, or "not found"   (as in v1)
//   ("delete", key) -> "ok"            "stats" -> "<n> keys, <w> writes since v2"
// The state becomes a tuple (entries, writes): writes counts the puts and deletes v2 handled.
// CodeChange turns a v1 state (the dictionary) into a v2 state; from any other version it throws.
using System.Collections.Immutable;
using Otp.CodeLoading;

public sealed class KvStore : IServerModule
{
    public object Init(object? argument) =>
        throw new System.NotImplementedException("Task 1 is not written yet: see README, task 1");

    public (object? Reply, object State) HandleCall(object request, object state) =>
        throw new System.NotImplementedException("Task 1 is not written yet: see README, task 1");

    public object CodeChange(int fromVersion, object state) =>
        throw new System.NotImplementedException("Task 1 is not written yet: see README, task 1");
}
