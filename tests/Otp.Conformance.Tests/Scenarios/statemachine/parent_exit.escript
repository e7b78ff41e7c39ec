#!/usr/bin/env escript
%% A gen_statem and its parent, the process that started it with start_link. When the machine
%% traps exits, the parent's exit is not an event: terminate/3 runs and the machine ends with the
%% parent's reason, even normal. An exit from any other linked process is an info event. A
%% machine that does not trap exits goes with its parent at once, without terminate/3.
-mode(compile).
-behaviour(gen_statem).
-export([init/1, callback_mode/0, handle_event/4, terminate/3]).

main(_) ->
    {P1, A} = start_under_parent(true),
    MA = monitor(process, A),
    P1 ! {exit, shutdown},
    down(MA), print(),

    {P2, B} = start_under_parent(true),
    Stranger = spawn(fun() -> receive go -> exit(tired) end end),
    ok = gen_statem:call(B, {link, Stranger}),
    Stranger ! go,
    timer:sleep(50), print(),
    io:format("alive after a stranger's exit: ~p~n", [is_process_alive(B)]),
    MB = monitor(process, B),
    P2 ! {exit, normal},
    down(MB), print(),

    {P3, C} = start_under_parent(false),
    MC = monitor(process, C),
    P3 ! {exit, shutdown},
    down(MC), print(),
    io:format("done~n").

start_under_parent(Trap) ->
    Me = self(),
    P = spawn(fun() ->
                      {ok, M} = gen_statem:start_link(?MODULE, {Me, Trap}, []),
                      Me ! {started, self(), M},
                      receive {exit, Reason} -> exit(Reason) end
              end),
    receive {started, P, M} -> {P, M} end.

down(Ref) -> receive {'DOWN', Ref, process, _, Reason} -> io:format("down: ~p~n", [Reason]) end.

print() ->
    receive {log, Line} -> io:format("~s~n", [Line]), print() after 0 -> ok end.

log(Format, Args) -> get(log_to) ! {log, io_lib:format(Format, Args)}.

callback_mode() -> handle_event_function.

init({LogTo, Trap}) ->
    process_flag(trap_exit, Trap),
    put(log_to, LogTo),
    {ok, idle, 0}.

handle_event({call, From}, {link, Pid}, _, N) -> link(Pid), {keep_state, N + 1, [{reply, From, ok}]};
handle_event(info, {'EXIT', _, Reason}, _, N) -> log("info: exit ~p", [Reason]), {keep_state, N + 1};
handle_event(_, _, _, N) -> {keep_state, N + 1}.

terminate(Reason, State, N) -> log("terminate ~p in ~p with ~p", [Reason, State, N]).
