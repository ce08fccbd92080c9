package model

import (
	"strings"
	"testing"
)

func TestBuiltInsParseAndFillCompletely(t *testing.T) {
	wantIDs := []string{"request-email", "request-phone", "reminder", "thank-you", "update", "referral-request"}
	docs := BuiltInTemplates()
	if len(docs) != len(wantIDs) {
		t.Fatalf("%d built-ins, want %d", len(docs), len(wantIDs))
	}
	for i, d := range docs {
		t.Run(d.ID, func(t *testing.T) {
			if d.ID != wantIDs[i] || !d.BuiltIn || d.Edited {
				t.Errorf("doc %d = %s (built-in %v, edited %v)", i, d.ID, d.BuiltIn, d.Edited)
			}
			if err := d.Validate(); err != nil {
				t.Fatal(err)
			}
			if !d.Channel.Valid() || d.Purpose == "" || d.Purpose == PurposeOther {
				t.Errorf("channel %q, purpose %q", d.Channel, d.Purpose)
			}
			if (d.Channel == ChannelEmail) != (d.Subject != "") {
				t.Errorf("an email needs a subject and only an email has one")
			}
			if lines := strings.Count(d.Body, "\n"); lines > 20 {
				t.Errorf("%d lines; built-ins stay short", lines)
			}
			dr, err := d.Fill(fullValues())
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range dr.Missing {
				if !p.IsPrompt() {
					t.Errorf("unfilled %s with every value given", p)
				}
			}
			if strings.Contains(dr.Subject+dr.Text, "{{") || strings.Contains(dr.Text, "\n\n\n") {
				t.Errorf("badly filled:\n%s\n%s", dr.Subject, dr.Text)
			}
			if dr.TemplateID != d.ID || dr.Purpose != d.Purpose || TemplatePurpose(d.ID) != d.Purpose {
				t.Errorf("draft lost its template: %+v", dr)
			}
		})
	}
}

func TestRequestsSayHowTheNameCameAndRespectPermission(t *testing.T) {
	for _, id := range []string{"request-email", "request-phone", "referral-request"} {
		d, _ := BuiltInTemplate(id)
		allowed, _ := d.Fill(fullValues())
		if !strings.Contains(allowed.Text, "Bo Lind") {
			t.Errorf("%s: referrer not named when allowed:\n%s", id, allowed.Text)
		}
		v := fullValues()
		v.Referrer.MayMentionName = false
		withheld, _ := d.Fill(v)
		if strings.Contains(withheld.Subject+withheld.Text, "Bo Lind") {
			t.Errorf("%s: referrer named without permission:\n%s", id, withheld.Text)
		}
		if len(withheld.Notes) != 1 {
			t.Errorf("%s: notes = %q", id, withheld.Notes)
		}
		for _, must := range []string{"15 to 30 minutes", "not"} {
			if !strings.Contains(allowed.Text, must) {
				t.Errorf("%s lacks %q", id, must)
			}
		}
	}
	d, _ := BuiltInTemplate("referral-request")
	got, _ := d.Fill(fullValues())
	if got.Subject != "Bo Lind suggested I contact you" {
		t.Errorf("subject = %q", got.Subject)
	}
}

func TestMergeTemplates(t *testing.T) {
	thanks, _ := BuiltInTemplate("thank-you")
	edited := thanks
	edited.Body = "Thanks, {{contact.first_name}}!"
	edited.Channel = ChannelLetter
	edited.Purpose = PurposeRequest // not the user's to change
	unchanged, _ := BuiltInTemplate("reminder")
	stored := []TemplateDoc{
		{ID: "u-10", Name: "Tenth", Body: "x"},
		edited,
		{ID: "u-2", Name: "Second", Body: "y", Purpose: PurposeUpdate, Channel: "carrier pigeon"},
		unchanged,
		{ID: "old-builtin", Name: "Gone from Parley", Body: "z", BuiltIn: true, Edited: true},
	}
	got := MergeTemplates(stored)
	var ids []string
	for _, d := range got {
		ids = append(ids, d.ID)
	}
	want := "request-email request-phone reminder thank-you update referral-request u-2 u-10 old-builtin"
	if strings.Join(ids, " ") != want {
		t.Fatalf("order = %v\nwant %s", ids, want)
	}
	byID := map[string]TemplateDoc{}
	for _, d := range got {
		byID[d.ID] = d
	}
	if d := byID["thank-you"]; !d.BuiltIn || !d.Edited || d.Body != edited.Body ||
		d.Channel != ChannelLetter || d.Purpose != PurposeThanks {
		t.Errorf("edited built-in = %+v", d)
	}
	if d := byID["reminder"]; !d.BuiltIn || d.Edited {
		t.Errorf("a stored copy equal to the built-in counts as edited: %+v", d)
	}
	if d := byID["u-2"]; d.BuiltIn || d.Edited || d.Purpose != PurposeUpdate || d.Channel != ChannelEmail {
		t.Errorf("user template = %+v", d)
	}
	if d := byID["old-builtin"]; d.BuiltIn || d.Edited || d.Purpose != PurposeOther {
		t.Errorf("orphan = %+v", d)
	}
	// Reset is dropping the stored copy.
	if d := MergeTemplates(nil)[3]; d.ID != "thank-you" || d.Edited || d.Body != thanks.Body {
		t.Errorf("after reset = %+v", d)
	}
	if UserTemplateID(3) != "u-3" {
		t.Errorf("UserTemplateID(3) = %q", UserTemplateID(3))
	}
}

func TestBuiltInsCannotBeChangedThroughCopies(t *testing.T) {
	docs := BuiltInTemplates()
	docs[0].Body = "changed"
	if d, _ := BuiltInTemplate(docs[0].ID); d.Body == "changed" {
		t.Error("BuiltInTemplates shares its backing array")
	}
}

// A filled built-in must be sendable as it stands in the common case: the
// newcomer's drafts said "Dear Maya Chen", "through online profile", "your
// work as Urban Planner at …" and pasted a raw note into the thank-you.
func TestBuiltInsNeedNoEditingWhenFilled(t *testing.T) {
	v := fullValues()
	v.Referrer = nil
	v.Contact.ReferredBy = 0
	v.Contact.Name = "Maya Chen"
	v.Contact.Role = "Urban Planner"
	v.Contact.FoundVia = FoundOnlineProfile
	v.Takeaway = "Next step advice: call Jo at the county"
	for _, d := range BuiltInTemplates() {
		dr, err := d.Fill(v)
		if err != nil {
			t.Fatal(err)
		}
		text := dr.Subject + "\n" + dr.Text
		for _, bad := range []string{"Maya Chen", "through online profile", "Urban Planner", "Next step advice", "cold contact"} {
			if strings.Contains(text, bad) {
				t.Errorf("%s contains %q:\n%s", d.ID, bad, text)
			}
		}
		if strings.HasPrefix(dr.Text, "Dear") && !strings.HasPrefix(dr.Text, "Dear Maya,") {
			t.Errorf("%s greets %q", d.ID, strings.SplitN(dr.Text, "\n", 2)[0])
		}
		if d.ID != "update" && len(dr.Missing) > 0 {
			t.Errorf("%s needs editing: %v", d.ID, dr.Missing)
		}
	}
	for source, want := range map[string]string{FoundOnlineProfile: "through your profile online.",
		FoundCold: "through my own research into the field.", "the alumni directory": "through the alumni directory."} {
		v.Contact.FoundVia = source
		d, _ := BuiltInTemplate("request-email")
		if dr, _ := d.Fill(v); !strings.Contains(dr.Text, want) {
			t.Errorf("found via %q: want %q in\n%s", source, want, dr.Text)
		}
	}
}
