package store

import (
	"encoding/json"
	"errors"
	"fmt"

	bolt "go.etcd.io/bbolt"

	"parley/model"
)

// Errors for template changes that the rules forbid. Their text is written
// for the user.
var (
	ErrDeleteBuiltIn = errors.New("built-in templates cannot be deleted, only reset")
	ErrResetOwn      = errors.New("only built-in templates can be reset; delete your own instead")
)

// keyProfile holds the user's profile in the settings bucket.
var keyProfile = []byte("profile")

// storedTemplate is what the templates bucket keeps under a template's ID:
// the user's own templates whole, and for a built-in only what the user can
// change, so its purpose always comes from this version of Parley.
type storedTemplate struct {
	ID      string        `json:"id"`
	Name    string        `json:"name"`
	Subject string        `json:"subject,omitempty"`
	Body    string        `json:"body"`
	Purpose model.Purpose `json:"purpose,omitempty"`
	Channel model.Channel `json:"channel,omitempty"`
}

func (t storedTemplate) doc() model.TemplateDoc {
	return model.TemplateDoc{ID: t.ID, Name: t.Name, Subject: t.Subject, Body: t.Body,
		Purpose: t.Purpose, Channel: t.Channel}
}

func toStored(d model.TemplateDoc) storedTemplate {
	return storedTemplate{ID: d.ID, Name: d.Name, Subject: d.Subject, Body: d.Body,
		Purpose: d.Purpose, Channel: d.Channel}
}

// Templates returns every template the user can choose from: the built-ins,
// with the user's edits, then the user's own (see model.MergeTemplates).
func (s *Store) Templates() ([]model.TemplateDoc, error) {
	var stored []model.TemplateDoc
	err := s.view(func(tx *bolt.Tx) error {
		return forEach(tx.Bucket(bucketTemplates), func(t storedTemplate) error {
			stored = append(stored, t.doc())
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("read templates: %w", err)
	}
	return model.MergeTemplates(stored), nil
}

// PutTemplate saves a template and returns it as Templates will show it.
// A doc with no ID is a new template of the user's and gets the next
// "u-<n>" ID; a built-in's ID saves the user's version of it, and saving it
// unchanged is the same as resetting it. A broken template is refused with
// a *model.ParseError (reach it with errors.As) that says where it is broken,
// so the editor can stay open on the problem.
func (s *Store) PutTemplate(doc model.TemplateDoc) (model.TemplateDoc, error) {
	if err := doc.Validate(); err != nil {
		return doc, fmt.Errorf("save template %q: %w", doc.Name, err)
	}
	builtin, isBuiltIn := model.BuiltInTemplate(doc.ID)
	asked := doc
	err := s.update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketTemplates)
		switch {
		case isBuiltIn:
			doc.Purpose = builtin.Purpose
			if merged := model.MergeTemplates([]model.TemplateDoc{doc}); !find(merged, doc.ID).Edited {
				return b.Delete([]byte(doc.ID))
			}
		case doc.ID == "":
			n, err := b.NextSequence()
			if err != nil {
				return err
			}
			doc.ID = model.UserTemplateID(n)
		case b.Get([]byte(doc.ID)) == nil:
			return ErrNotFound
		}
		data, err := json.Marshal(toStored(doc))
		if err != nil {
			return err
		}
		if data, err = sealRecord(tx, []byte(doc.ID), storedTemplate{}, data); err != nil {
			return err
		}
		return b.Put([]byte(doc.ID), data)
	})
	if err != nil {
		s.keepFailed(RescueTemplate, asked, err)
		return doc, fmt.Errorf("save template %q: %w", doc.Name, err)
	}
	return find(model.MergeTemplates([]model.TemplateDoc{doc}), doc.ID), nil
}

// ResetTemplate puts a built-in back the way Parley ships it, forgetting
// the user's edits, and returns it. Resetting an unedited built-in does
// nothing.
func (s *Store) ResetTemplate(id string) (model.TemplateDoc, error) {
	builtin, ok := model.BuiltInTemplate(id)
	if !ok {
		return model.TemplateDoc{}, fmt.Errorf("reset template %q: %w", id, ErrResetOwn)
	}
	err := s.update(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketTemplates).Delete([]byte(id))
	})
	if err != nil {
		return model.TemplateDoc{}, fmt.Errorf("reset template %q: %w", id, err)
	}
	return builtin, nil
}

// DeleteTemplate deletes one of the user's own templates. Built-ins cannot
// be deleted, only reset, so the list always has one of each kind of
// message.
func (s *Store) DeleteTemplate(id string) error {
	if _, ok := model.BuiltInTemplate(id); ok {
		return fmt.Errorf("delete template %q: %w", id, ErrDeleteBuiltIn)
	}
	err := s.update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketTemplates)
		if b.Get([]byte(id)) == nil {
			return ErrNotFound
		}
		return b.Delete([]byte(id))
	})
	if err != nil {
		return fmt.Errorf("delete template %q: %w", id, err)
	}
	return nil
}

func find(docs []model.TemplateDoc, id string) model.TemplateDoc {
	for _, d := range docs {
		if d.ID == id {
			return d
		}
	}
	return model.TemplateDoc{}
}

// Profile returns the user's profile, or an empty one if they have not
// given it yet (check Complete to know whether to ask).
func (s *Store) Profile() (model.Profile, error) {
	var p model.Profile
	if err := s.getValue(bucketSettings, keyProfile, &p); err != nil {
		return model.Profile{}, fmt.Errorf("read your profile: %w", err)
	}
	return p, nil
}

// PutProfile saves the user's profile, trimmed, and returns it as saved. An
// incomplete profile is saved too: messages show what is still missing.
func (s *Store) PutProfile(p model.Profile) (model.Profile, error) {
	p = p.Trimmed()
	if err := s.putValue(bucketSettings, keyProfile, p); err != nil {
		s.keepFailed(RescueProfile, p, err)
		return p, fmt.Errorf("save your profile: %w", err)
	}
	return p, nil
}
