package main

import (
	"errors"
	"fmt"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"parley/model"
	"parley/store"
	"parley/ui/safetext"
)

// addOptions are the options of `parley add`, as typed.
type addOptions struct {
	org, role, email, note string
	tags                   tagList
}

func newAddCmd(app *cli) *cobra.Command {
	var opts addOptions
	cmd := &cobra.Command{
		Use:   `add "NAME"`,
		Short: "Add a contact without opening the notebook",
		Long: `Add a contact without opening the notebook, and print what was saved.

Options may come before or after the name; put the name in quotes. Everything
is checked before the notebook is opened, so a mistake writes nothing.`,
		Example: `  parley add "Ana Ruiz" --org "City Council" --email ana@example.org --tag policy`,
		Args:    checkAddNames,
		RunE: func(_ *cobra.Command, names []string) error {
			c, err := opts.contact(names)
			if err != nil {
				return err
			}
			return app.add(c)
		},
	}
	opts.bind(cmd.Flags())
	return cmd
}

// bind declares add's options on fs.
func (o *addOptions) bind(fs *pflag.FlagSet) {
	fs.StringVar(&o.org, "org", "", "the `organisation` they work for")
	fs.StringVar(&o.role, "role", "", "their `role` or job title")
	fs.StringVar(&o.email, "email", "", "their email `address`")
	fs.Var(&o.tags, "tag", "a `tag`; repeat for more")
	fs.StringVar(&o.note, "note", "", "a `note` about them")
}

// checkAddNames wants exactly one non-blank name, and says how to quote a
// name given as several words.
func checkAddNames(cmd *cobra.Command, names []string) error {
	switch {
	case len(names) == 0 || strings.TrimSpace(strings.Join(names, "")) == "":
		return usageErrorf(cmd, "add needs a name, like: parley add \"Ana Ruiz\" --org \"City Council\"")
	case len(names) > 1:
		return usageErrorf(cmd, "add takes one name; put it in quotes: parley add %q", strings.Join(names, " "))
	}
	return nil
}

// contact turns the options and the name into a new contact at ToContact.
// Every error is one plain line naming the problem, and no contact is
// returned with it, so the caller writes nothing. Created and Updated are
// left for the caller, who has the clock.
func (o *addOptions) contact(names []string) (model.Contact, error) {
	if err := checkAddNames(&cobra.Command{Use: "add"}, names); err != nil {
		return model.Contact{}, err
	}
	// Control, bidi and invisible characters can never be meant in a name,
	// an organisation, an email or a tag, so they are not saved there.
	c := model.Contact{
		Name:         safetext.Clean(names[0]),
		Organisation: safetext.Clean(o.org),
		Role:         strings.TrimSpace(o.role),
		Email:        safetext.Clean(o.email),
		Notes:        strings.TrimSpace(o.note),
		Tags:         append([]string(nil), o.tags...),
		Stage:        model.ToContact,
	}
	if msg := c.Validate(); msg != "" {
		return model.Contact{}, errors.New(msg)
	}
	return c, nil
}

// add saves c in the notebook and prints what was saved.
func (app *cli) add(c model.Contact) error {
	path, err := app.notebookPath()
	if err != nil {
		return err
	}
	s, err := store.Open(path)
	if err != nil {
		return err
	}
	defer s.Close()
	if err := s.Verify(); err != nil {
		return err
	}
	now := app.now()
	c.Created, c.Updated = now, now
	saved, err := s.PutContact(c)
	if err != nil {
		return err
	}
	printAdded(app, saved)
	return nil
}

// printAdded shows what was saved. It is user text going to a terminal:
// every line is made safe.
func printAdded(app *cli, saved model.Contact) {
	fmt.Fprintf(app.stdout, "Added %s (%s)", safetext.Line(saved.Name), saved.CurrentStage())
	for _, f := range [][2]string{{"org", saved.Organisation}, {"role", saved.Role}, {"email", saved.Email},
		{"tags", strings.Join(saved.Tags, ", ")}, {"note", saved.Notes}} {
		if f[1] != "" {
			fmt.Fprintf(app.stdout, "\n  %-6s %s", f[0]+":", safetext.Line(f[1]))
		}
	}
	fmt.Fprintln(app.stdout)
}

// tagList collects repeated --tag options, trimmed, skipping blanks and
// repeats, so `--tag policy --tag policy` stores one tag.
type tagList []string

func (t *tagList) String() string { return strings.Join(*t, ",") }

// Type names the value in help.
func (t *tagList) Type() string { return "tag" }

func (t *tagList) Set(v string) error {
	v = safetext.Clean(v)
	if v == "" {
		return errors.New("a tag cannot be empty")
	}
	for _, have := range *t {
		if strings.EqualFold(have, v) {
			return nil
		}
	}
	*t = append(*t, v)
	return nil
}
