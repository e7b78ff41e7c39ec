#!/usr/bin/env escript
%% Ending a gen_statem: gen_statem:stop/1 ends it with normal and runs terminate/3 first, in the
%% state and with the data it has; a linked caller is not hurt. stop/3 passes another reason.
%% A {stop, Reason, Data} result and an exit in a callback also run terminate/3. Stopping a
%% machine that is gone exits the caller with noproc.
-mode(compile).
-behaviour(gen_statem).
-export([init/1, callback_mode/0, handle_event/4, terminate/3]).

main(_) ->
    {ok, A} = gen_statem:start_link(?MODULE, self(), []),
    gen_statem:cast(A, open), gen_statem:cast(A, noise),
    io:format("stop: ~p~n", [gen_statem:stop(A)]),
    print(),
    io:format("alive after stop: ~p, caller alive: ~p~n", [is_process_alive(A), is_process_alive(self())]),
    io:format("stop again: ~p~n", [catch gen_statem:stop(A)]),

    {ok, B} = gen_statem:start(?MODULE, self(), []),
    MB = monitor(process, B),
    io:format("stop/3: ~p~n", [gen_statem:stop(B, {shutdown, bye}, infinity)]),
    print(), down(MB),

    {ok, C} = gen_statem:start(?MODULE, self(), []),
    MC = monitor(process, C),
    gen_statem:cast(C, open), gen_statem:cast(C, leave),
    timer:sleep(50), print(), down(MC),

    {ok, D} = gen_statem:start(?MODULE, self(), []),
    MD = monitor(process, D),
    gen_statem:cast(D, bang),
    timer:sleep(50), print(), down(MD).

down(Ref) -> receive {'DOWN', Ref, process, _, Reason} -> io:format("down: ~p~n", [Reason]) end.

print() ->
    receive {log, Line} -> io:format("~s~n", [Line]), print() after 0 -> ok end.

log(Format, Args) -> get(parent) ! {log, io_lib:format(Format, Args)}.

callback_mode() -> handle_event_function.

init(Parent) -> put(parent, Parent), {ok, closed, 0}.

handle_event(cast, open, closed, N) -> {next_state, open, N + 1};
handle_event(cast, leave, _, N) -> {stop, normal, N + 100};
handle_event(cast, bang, _, _) -> exit(bang);
handle_event(_, _, _, N) -> {keep_state, N + 1}.

terminate(Reason, State, N) -> log("terminate ~p in ~p with ~p", [Reason, State, N]).
