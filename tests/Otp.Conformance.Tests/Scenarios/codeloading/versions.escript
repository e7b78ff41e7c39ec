#!/usr/bin/env escript
%% Erlang's rules for two versions of a module: current and old. A process stays in the version
%% it runs until it makes a fully qualified call (counter:loop, what ?MODULE:loop expands to); loading a third version
%% purges the oldest, killing whatever still runs it; purge kills too; soft_purge refuses to.
main(_) ->
    load(1),
    io:format("loaded v1: old=~p~n", [erlang:check_old_code(counter)]),
    A = spawn(counter, start, []),
    B = spawn(counter, start, []),
    ask(A, bump), ask(B, bump),
    load(2),
    io:format("loaded v2: old=~p~n", [erlang:check_old_code(counter)]),
    in_old([A, B]),
    ask(A, bump),
    ask(A, upgrade),
    ask(A, bump),
    in_old([A, B]),
    C = spawn(counter, start, []),
    ask(C, bump),
    io:format("soft_purge: ~p~n", [code:soft_purge(counter)]),
    RefB = erlang:monitor(process, B),
    load(3),
    down(RefB),
    io:format("loaded v3: old=~p~n", [erlang:check_old_code(counter)]),
    in_old([A, C]),
    ask(A, bump),
    ask(A, upgrade),
    ask(A, bump),
    ask(C, upgrade),
    io:format("soft_purge: ~p~n", [code:soft_purge(counter)]),
    io:format("after soft purge: old=~p~n", [erlang:check_old_code(counter)]),
    ask(C, bump),
    load(4),
    RefA = erlang:monitor(process, A),
    io:format("purge: ~p~n", [code:purge(counter)]),
    down(RefA),
    io:format("after purge: old=~p, C alive: ~p~n", [erlang:check_old_code(counter), is_process_alive(C)]),
    io:format("purge again: ~p~n", [code:purge(counter)]).

in_old(Pids) ->
    io:format("in old: ~p~n", [[erlang:check_process_code(P, counter) || P <- Pids]]).

down(Ref) ->
    receive {'DOWN', Ref, process, _, Why} -> io:format("down: ~p~n", [Why]) end.

%% Loading over old code purges it first, killing whatever still runs it (c:c and c:l do the same).
load(V) ->
    {module, counter} = code:load_binary(counter, "counter.erl", compile_version(V)).

ask(Pid, Msg) ->
    Pid ! {Msg, self()},
    receive {reply, Text} -> io:format("~s~n", [Text]) end.

compile_version(V) ->
    Src = lists:flatten(io_lib:format(
        "-module(counter).~n"
        "-export([start/0, loop/1]).~n"
        "start() -> loop(0).~n"
        "loop(N) ->~n"
        "    receive~n"
        "        {bump, From} -> From ! {reply, io_lib:format(\"v~p count ~~p\", [N + 1])}, loop(N + 1);~n"
        "        {upgrade, From} -> From ! {reply, \"upgrade\"}, counter:loop(N)~n"
        "    end.~n", [V])),
    {ok, Bin} = compile_string(Src),
    Bin.

compile_string(Src) ->
    Forms = forms(Src, 1, []),
    {ok, counter, Bin} = compile:forms(Forms, [binary]),
    {ok, Bin}.

forms(Src, Line, Acc) ->
    case erl_scan:tokens([], Src, Line) of
        {done, {ok, Tokens, End}, Rest} ->
            {ok, Form} = erl_parse:parse_form(Tokens),
            forms(Rest, End, [Form | Acc]);
        {more, _} -> lists:reverse(Acc)
    end.
