#!/usr/bin/env escript
%% Microseconds per receive past a backlog of unmatched messages, on the BEAM.
-mode(compile).

main([Sizes]) ->
    [measure(list_to_integer(S)) || S <- string:tokens(Sizes, ",")].

measure(Backlog) ->
    Parent = self(),
    spawn(fun() -> Parent ! {done, Backlog, run(Backlog)} end),
    receive {done, Backlog, {Scan, Tagged}} -> io:format("~w ~.3f ~.3f~n", [Backlog, Scan, Tagged]) end.

run(Backlog) ->
    [self() ! {junk, I} || I <- lists:seq(1, Backlog)],
    scan(1000), tagged(1000),                      % warm up
    {per_receive(fun scan/1), per_receive(fun tagged/1)}.

%% The best of three runs, as on the C# side.
per_receive(Loop) ->
    lists:min([begin
                   T0 = erlang:monotonic_time(nanosecond),
                   Loop(200),
                   (erlang:monotonic_time(nanosecond) - T0) / 1000 / 200
               end || _ <- [1, 2, 3]]).

scan(0) -> ok;
scan(N) -> self() ! {wanted, N}, receive {wanted, N} -> scan(N - 1) end.

tagged(0) -> ok;
tagged(N) -> Ref = make_ref(), self() ! {Ref, N}, receive {Ref, N} -> tagged(N - 1) end.
