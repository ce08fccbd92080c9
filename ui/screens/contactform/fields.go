package contactform

import (
	"parley/ui/components/formkit"
	"parley/ui/safetext"
	"strings"

	"parley/model"
)

// splitTags reads "policy, local ,health" as three tags, dropping blanks
// and repeats.
func splitTags(s string) []string {
	var out []string
	seen := map[string]bool{}
	for _, t := range strings.Split(s, ",") {
		t = strings.TrimSpace(t)
		if t != "" && !seen[strings.ToLower(t)] {
			seen[strings.ToLower(t)] = true
			out = append(out, t)
		}
	}
	return out
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return ""
}

// contactFields lists the form's fields in order: who they are, how to
// reach them, how the user found them, then the pipeline and notes.
func contactFields() []formkit.BoundField[model.Contact] {
	type field = formkit.BoundField[model.Contact]
	text := func(label, hint string, get func(model.Contact) string, set func(*model.Contact, string), key string) field {
		return formkit.Bind(formkit.FormField{Label: label, Hint: hint, Key: key}, get, set)
	}
	stages := []string{}
	for _, s := range model.Stages() {
		stages = append(stages, string(s))
	}
	return []field{
		text("Name", "required", func(c model.Contact) string { return c.Name }, func(c *model.Contact, v string) { c.Name = safetext.Clean(v) }, model.FieldName),
		text("Role", "e.g. Policy analyst", func(c model.Contact) string { return c.Role }, func(c *model.Contact, v string) { c.Role = v }, ""),
		text("Organisation", "", func(c model.Contact) string { return c.Organisation }, func(c *model.Contact, v string) { c.Organisation = safetext.Clean(v) }, ""),
		text("Field", "field or industry", func(c model.Contact) string { return c.Field }, func(c *model.Contact, v string) { c.Field = v }, ""),
		formkit.Bind(formkit.FormField{Label: "Career stage", Hint: "←/→ to choose", Kind: formkit.KindChoice, Key: model.FieldCareerStage,
			Options: []string{"", string(model.EarlyCareer), string(model.MidCareer), string(model.Senior)}},
			func(c model.Contact) string { return string(c.CareerStage) }, func(c *model.Contact, v string) { c.CareerStage = model.CareerStage(v) }),
		text("Email", "", func(c model.Contact) string { return c.Email }, func(c *model.Contact, v string) { c.Email = safetext.Clean(v) }, model.FieldEmail),
		text("Phone", "", func(c model.Contact) string { return c.Phone }, func(c *model.Contact, v string) { c.Phone = v }, model.FieldPhone),
		text("Profile URL", "", func(c model.Contact) string { return c.ProfileURL }, func(c *model.Contact, v string) { c.ProfileURL = v }, model.FieldProfileURL),
		text("Location", "", func(c model.Contact) string { return c.Location }, func(c *model.Contact, v string) { c.Location = v }, ""),
		formkit.Bind(formkit.FormField{Label: "Found via", Hint: "←/→ to choose, or type", Kind: formkit.KindChoice, Options: model.FoundViaSources(), Free: true},
			func(c model.Contact) string { return c.FoundVia }, func(c *model.Contact, v string) { c.FoundVia = v }),
		formkit.Bind(formkit.FormField{Label: "Referred by", Hint: "type a name; ←/→ for other matches", Kind: formkit.KindPick, Key: model.FieldReferredBy},
			func(c model.Contact) string {
				if c.ReferredBy == 0 {
					return ""
				}
				return formkit.UintString(c.ReferredBy)
			}, func(c *model.Contact, v string) { c.ReferredBy = formkit.ParseUint(v) }),
		text("Tags", "comma separated", func(c model.Contact) string { return strings.Join(c.Tags, ", ") }, func(c *model.Contact, v string) { c.Tags = splitTags(safetext.Clean(v)) }, ""),
		formkit.Bind(formkit.FormField{Label: "Stage", Hint: "←/→ to choose", Kind: formkit.KindChoice, Options: stages, Key: model.FieldStage},
			func(c model.Contact) string { return string(c.CurrentStage()) }, func(c *model.Contact, v string) { c.Stage = model.Stage(v) }),
		formkit.Bind(formkit.FormField{Label: "May mention", Hint: "their name, to people they referred you to", Kind: formkit.KindToggle},
			func(c model.Contact) string { return yesNo(c.MayMentionName) }, func(c *model.Contact, v string) { c.MayMentionName = v != "" }),
		formkit.Bind(formkit.FormField{Label: "Contact again", Hint: "they are happy to hear from you again", Kind: formkit.KindToggle},
			func(c model.Contact) string { return yesNo(c.MayContactAgain) }, func(c *model.Contact, v string) { c.MayContactAgain = v != "" }),
		formkit.Bind(formkit.FormField{Label: "Research", Hint: "about the person, the organisation, the industry", Kind: formkit.KindArea},
			func(c model.Contact) string { return c.Notes }, func(c *model.Contact, v string) { c.Notes = v }),
	}
}
