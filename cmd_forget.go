package main

import (
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"parley/model"
	"parley/store"
	"parley/ui/safetext"
)

type forgetOptions struct {
	yes, keepNames, pruneBackups bool
}

func newForgetCmd(app *cli) *cobra.Command {
	var opts forgetOptions
	cmd := &cobra.Command{
		Use:   `forget "NAME"`,
		Short: "Remove a person and everything about them, leaving no trace in the file",
		Long: `Remove a person and everything about them: the contact, their interviews with
every note, their timeline with every message, and the "referred by" of the
people they referred. Then the notebook is compacted (rewritten into a new
file that replaces it), so no byte of them remains in it.

NAME is a name, part of one, or #ID. forget says what goes and asks you to
type "forget"; --yes skips the question, for scripts.

--keep-names keeps their name, as plain text, in the notes of each person
they referred ("Referred by NAME."); without it the link goes without a trace.

Copies of the notebook outside it (daily backups in the backups folder, the
copy kept before an upgrade, refused spool files) still hold them: forget
lists them, and removes them with --prune-backups (or if you say so when
asked). Their name may also be in what you wrote about other people; forget
names those contacts and leaves your words as they are.`,
		Example: `  parley forget "Ana Ruiz"
  parley forget '#12' --yes --prune-backups`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) != 1 || strings.TrimSpace(args[0]) == "" {
				return usageErrorf(cmd, "forget takes one name, like: parley forget \"Ana Ruiz\"")
			}
			return nil
		},
		RunE: func(_ *cobra.Command, args []string) error { return app.forget(args[0], opts) },
	}
	cmd.Flags().BoolVar(&opts.yes, "yes", false, "do not ask; forget at once")
	cmd.Flags().BoolVar(&opts.keepNames, "keep-names", false, "keep their name as plain text on the people they referred")
	cmd.Flags().BoolVar(&opts.pruneBackups, "prune-backups", false, "also delete the copies of the notebook that still hold them")
	return cmd
}

func (app *cli) forget(query string, opts forgetOptions) error {
	s, err := app.openExisting()
	if err != nil {
		return err
	}
	defer s.Close()
	contacts, err := s.Contacts()
	if err != nil {
		return err
	}
	c, err := findContact(contacts, query)
	if err != nil {
		return err
	}
	plan, err := s.PlanForget(c.ID)
	if err != nil {
		return err
	}
	mentions, err := mentionsOf(s, c)
	if err != nil {
		return err
	}
	copies, err := store.LeftoverCopies(s.Path())
	if err != nil {
		return err
	}
	app.describeForget(plan, mentions, copies, opts.keepNames)
	if !opts.yes {
		if !app.confirm("Type forget to remove them for good: ", "forget") {
			return errors.New("nothing was forgotten")
		}
		if len(copies) > 0 && !opts.pruneBackups {
			opts.pruneBackups = app.confirm("Delete the copies listed above too? Type yes: ", "yes")
		}
	}
	if _, err := s.Forget(c.ID, opts.keepNames, app.now()); err != nil {
		return err
	}
	fmt.Fprintf(app.stdout, "Forgot %s. The notebook is compacted: no byte of them remains in it.\n", safetext.Line(c.Name))
	if len(copies) == 0 {
		return nil
	}
	if !opts.pruneBackups {
		fmt.Fprintln(app.stdout, "The copies listed above still hold them; delete them yourself, or run forget with --prune-backups next time.")
		return nil
	}
	for _, f := range copies {
		if err := os.Remove(f); err != nil {
			return fmt.Errorf("%s is forgotten, but a copy that holds them could not be deleted: %w", c.Name, err)
		}
		fmt.Fprintln(app.stdout, "Deleted", safetext.Line(f))
	}
	return nil
}

// describeForget says what forgetting removes and what it leaves.
func (app *cli) describeForget(plan store.ForgetPlan, mentions []string, copies []string, keepNames bool) {
	w := app.stdout
	fmt.Fprintf(w, "Forgetting %s removes, for good:\n", describeContact(plan.Contact))
	fmt.Fprintln(w, "  the contact, with your notes about them")
	fmt.Fprintf(w, "  %s, with every note\n", count(plan.Interviews, "interview"))
	fmt.Fprintf(w, "  %s, with every message\n", count(plan.Entries, "timeline entry"))
	if len(plan.Referred) > 0 {
		names := make([]string, len(plan.Referred))
		for i, r := range plan.Referred {
			names[i] = safetext.Line(r.Name)
		}
		how := "the link goes without a trace"
		if keepNames {
			how = "their name stays in those contacts' notes, as plain text"
		}
		fmt.Fprintf(w, "  the \"referred by\" of %s (%s)\n", strings.Join(names, ", "), how)
	}
	if len(mentions) > 0 {
		fmt.Fprintf(w, "Their name is also in what you wrote about %s; that stays as you wrote it.\n", strings.Join(mentions, ", "))
	}
	if len(copies) > 0 {
		fmt.Fprintln(w, "These copies of the notebook still hold them:")
		for _, f := range copies {
			fmt.Fprintln(w, " ", safetext.Line(f))
		}
	}
}

func count(n int, what string) string {
	switch {
	case n == 1:
		return "1 " + what
	case strings.HasSuffix(what, "y"):
		return fmt.Sprintf("%d %sies", n, strings.TrimSuffix(what, "y"))
	}
	return fmt.Sprintf("%d %ss", n, what)
}

// mentionsOf names the other contacts in whose texts c's name appears.
func mentionsOf(s *store.Store, c model.Contact) ([]string, error) {
	name := foldName(c.Name)
	if name == "" {
		return nil, nil
	}
	found := map[uint64]bool{}
	err := s.SearchSources(func(src model.SearchSource) {
		if src.Place.ContactID != c.ID && strings.Contains(foldName(src.Text), name) {
			found[src.Place.ContactID] = true
		}
	})
	if err != nil {
		return nil, err
	}
	var names []string
	contacts, err := s.Contacts()
	if err != nil {
		return nil, err
	}
	for _, other := range contacts {
		if found[other.ID] {
			names = append(names, safetext.Line(other.Name))
		}
	}
	slices.Sort(names)
	return names, nil
}
