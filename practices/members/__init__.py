"""The members' pages: "my cases", the step-by-step case form with drafts that save on their
own, and the small JSON endpoints its scripts use (autosave, the gmina search, the gmina at a
point). An entry point over practices.forms and practices.moderation."""
