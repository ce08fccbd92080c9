package model

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

func TestParseAddArgs(t *testing.T) {
	for _, tc := range []struct {
		name string
		args []string
		want Contact
		err  string // a fragment of the error, "" for success
	}{
		{"name only", []string{"Ana Ruiz"}, Contact{Name: "Ana Ruiz", Stage: ToContact}, ""},
		{"options after the name", []string{"Ana Ruiz", "--org", "City Council", "--role=Analyst", "--email", "ana@example.org"},
			Contact{Name: "Ana Ruiz", Organisation: "City Council", Role: "Analyst", Email: "ana@example.org", Stage: ToContact}, ""},
		{"options before the name", []string{"--tag", "policy", "-tag", "local", "--tag", "policy", "Ana", "--note", " met at fair "},
			Contact{Name: "Ana", Tags: []string{"policy", "local"}, Notes: "met at fair", Stage: ToContact}, ""},
		{"dash after double dash", []string{"--org", "X", "--", "-Ana-"}, Contact{Name: "-Ana-", Organisation: "X", Stage: ToContact}, ""},
		{"no name", []string{"--org", "City Council"}, Contact{}, "needs a name"},
		{"blank name", []string{"  "}, Contact{}, "needs a name"},
		{"nothing", nil, Contact{}, "needs a name"},
		{"unquoted name", []string{"Ana", "Ruiz"}, Contact{}, `one name; put it in quotes: parley add "Ana Ruiz"`},
		{"unknown option", []string{"Ana", "--phone", "123"}, Contact{}, "unknown option --phone"},
		{"missing value", []string{"Ana", "--org"}, Contact{}, "--org needs a value"},
		{"bad email", []string{"Ana", "--email", "ana.example.org"}, Contact{}, "email address"},
		{"empty tag", []string{"Ana", "--tag", " "}, Contact{}, "tag cannot be empty"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ParseAddArgs(tc.args)
			if tc.err == "" {
				if err != nil || !reflect.DeepEqual(got, tc.want) {
					t.Errorf("got %+v, %v; want %+v", got, err, tc.want)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Fatalf("err = %v, want it to mention %q", err, tc.err)
			}
			if strings.Contains(err.Error(), "\n") {
				t.Errorf("error is not one line: %q", err)
			}
			if !reflect.DeepEqual(got, Contact{}) {
				t.Errorf("a contact came back with the error: %+v", got)
			}
		})
	}
	if _, err := ParseAddArgs([]string{"--help"}); !errors.Is(err, ErrAddHelp) {
		t.Errorf("--help: %v", err)
	}
}
