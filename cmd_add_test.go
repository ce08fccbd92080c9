package main

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"parley/model"
)

// parseAddArgs parses add's arguments (after "add") as the command does,
// without a notebook.
func parseAddArgs(args []string) (model.Contact, error) {
	var opts addOptions
	cmd := &cobra.Command{Use: "add"}
	opts.bind(cmd.Flags())
	if err := cmd.ParseFlags(args); err != nil {
		if errors.Is(err, pflag.ErrHelp) {
			return model.Contact{}, err
		}
		return model.Contact{}, flagError(cmd, err)
	}
	return opts.contact(cmd.Flags().Args())
}

func TestParseAddArgs(t *testing.T) {
	for _, tc := range []struct {
		name string
		args []string
		want model.Contact
		err  string // a fragment of the error, "" for success
	}{
		{"name only", []string{"Ana Ruiz"}, model.Contact{Name: "Ana Ruiz", Stage: model.ToContact}, ""},
		{"options after the name", []string{"Ana Ruiz", "--org", "City Council", "--role=Analyst", "--email", "ana@example.org"},
			model.Contact{Name: "Ana Ruiz", Organisation: "City Council", Role: "Analyst", Email: "ana@example.org", Stage: model.ToContact}, ""},
		{"options before the name", []string{"--tag", "policy", "--tag", "local", "--tag", "policy", "Ana", "--note", " met at fair "},
			model.Contact{Name: "Ana", Tags: []string{"policy", "local"}, Notes: "met at fair", Stage: model.ToContact}, ""},
		{"dash after double dash", []string{"--org", "X", "--", "-Ana-"}, model.Contact{Name: "-Ana-", Organisation: "X", Stage: model.ToContact}, ""},
		{"no name", []string{"--org", "City Council"}, model.Contact{}, "needs a name"},
		{"blank name", []string{"  "}, model.Contact{}, "needs a name"},
		{"nothing", nil, model.Contact{}, "needs a name"},
		{"unquoted name", []string{"Ana", "Ruiz"}, model.Contact{}, `one name; put it in quotes: parley add "Ana Ruiz"`},
		{"unknown option", []string{"Ana", "--colour", "red"}, model.Contact{}, "unknown option --colour"},
		{"single dash", []string{"Ana", "-tag", "red"}, model.Contact{}, "options take two dashes: --tag"},
		{"missing value", []string{"Ana", "--org"}, model.Contact{}, "--org needs a value"},
		{"bad email", []string{"Ana", "--email", "ana.example.org"}, model.Contact{}, "email address"},
		{"empty tag", []string{"Ana", "--tag", " "}, model.Contact{}, "tag cannot be empty"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := parseAddArgs(tc.args)
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
			if !reflect.DeepEqual(got, model.Contact{}) {
				t.Errorf("a contact came back with the error: %+v", got)
			}
		})
	}
	if _, err := parseAddArgs([]string{"--help"}); !errors.Is(err, pflag.ErrHelp) {
		t.Errorf("--help: %v", err)
	}
}
