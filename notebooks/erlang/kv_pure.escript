#!/usr/bin/env escript
%% Chapter 7's pure key-value module, in Erlang (written for this workbook): every function takes
%% a state and returns a new one or an error value; nothing here sends a message or crashes on a
%% missing key. main/1 runs the same steps as the C# cell beside it.
-mode(compile).

new() -> {ok, #{}}.

set(State, Key, Value) -> {ok, State#{Key => Value}}.

get(State, Key) ->
    case State of
        #{Key := Value} -> {ok, Value};
        _ -> {error, {not_found, "key not found", #{key => Key}}}
    end.

get(State, Key, Default) -> {ok, maps:get(Key, State, Default)}.

delete(State, Key) -> {ok, maps:remove(Key, State)}.

main(_) ->
    {ok, S0} = new(),
    {ok, S1} = set(S0, greeting, <<"hello">>),
    io:format("get greeting      -> ~p~n", [get(S1, greeting)]),
    io:format("get missing       -> ~p~n", [get(S1, missing)]),
    io:format("get missing, 42   -> ~p~n", [get(S1, missing, 42)]),
    {ok, S2} = delete(S1, greeting),
    io:format("after delete      -> ~p~n", [get(S2, greeting)]),
    io:format("delete again      -> ~p~n", [delete(S2, greeting)]),
    io:format("the old state     -> ~p~n", [get(S1, greeting)]).
