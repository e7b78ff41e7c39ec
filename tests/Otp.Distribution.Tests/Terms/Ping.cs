namespace Otp.Distribution.Tests.Terms;

/// <summary>The chapters' ping message as a C# record that travels as <c>{ping, From}</c>.</summary>
[ErlangRecord("ping")]
public sealed record Ping(Pid From);

/// <summary>A record with converted fields: <c>{reading, Sensor, Value, Note}</c>.</summary>
[ErlangRecord("reading")]
public sealed record Reading(string Sensor, long Value, byte[]? Note);
