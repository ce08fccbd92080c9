package main

import (
	"strings"

	"github.com/spf13/cobra"

	"parley/store"
	"parley/ui/safetext"
)

// completeContactNames offers the names of the notebook's contacts that
// begin with (or contain) what was typed, with their organisation. It only
// reads, and offers nothing when the notebook is missing or busy: a
// completion must never block the shell or print an error into it.
func (app *cli) completeContactNames(_ *cobra.Command, _ []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
	path, err := app.notebookPath()
	if err != nil {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	s, err := store.OpenReadOnly(path)
	if err != nil {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	defer s.Close()
	contacts, err := s.Contacts()
	if err != nil {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	typed := foldName(toComplete)
	var prefix, inside []cobra.Completion
	for _, c := range contacts {
		name := foldName(c.Name)
		// The shell filters by prefix; a name matched inside is offered
		// only when nothing matches at the start.
		switch {
		case strings.HasPrefix(name, typed):
			prefix = append(prefix, cobra.CompletionWithDesc(safetext.Clean(c.Name), safetext.Clean(c.Organisation)))
		case strings.Contains(name, typed):
			inside = append(inside, cobra.CompletionWithDesc(safetext.Clean(c.Name), safetext.Clean(c.Organisation)))
		}
	}
	if len(prefix) == 0 {
		prefix = inside
	}
	return prefix, cobra.ShellCompDirectiveNoFileComp
}

// completeWords offers a fixed list of values.
func completeWords(words []string) cobra.CompletionFunc {
	return func(*cobra.Command, []string, string) ([]cobra.Completion, cobra.ShellCompDirective) {
		return words, cobra.ShellCompDirectiveNoFileComp
	}
}
