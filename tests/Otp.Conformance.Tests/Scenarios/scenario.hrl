%% Helpers every scenario may use. Each one has a C# twin in the conformance harness, so that
%% both sides print the same lines.
-compile(nowarn_unused_function).

%% The head of an exit reason: an error exit, {Reason, Stacktrace}, shows as Reason (the stack
%% traces of the two runtimes cannot match); any other reason shows as itself.
head({Reason, Stack}) when is_list(Stack) -> Reason;
head(Reason) -> Reason.

%% A term in ~w notation with the numbers of pids and references masked: they differ between
%% runs and between runtimes. (C#: Show.Term.)
show(Term) ->
    S = lists:flatten(io_lib:format("~w", [Term])),
    S1 = re:replace(S, "<0\\.\\d+\\.0>", "<0.N.0>", [global, {return, list}]),
    re:replace(S1, "#Ref<[0-9.]+>", "#Ref<R>", [global, {return, list}]).

%% Every message in the mailbox, oldest first, without waiting. (C#: Process.Flush.)
drain() ->
    receive M -> [M | drain()]
    after 0 -> []
    end.

%% What a call that returns true on success gives: true, or {error, Reason} if it raises an
%% error. (C#: Show.Outcome.)
outcome(F) ->
    try F() of R -> R catch error:E -> {error, E} end.

%% Polls until at least N messages wait in the mailbox (used where a signal is asynchronous
%% in Erlang and the scenario needs it to have arrived). (C#: Wait.UntilQueuedAsync.)
await_queued(N) ->
    {message_queue_len, Len} = process_info(self(), message_queue_len),
    if Len >= N -> ok;
       true -> timer:sleep(1), await_queued(N)
    end.
