"""The terminal interview in questionary prompts; the only place questionary and prompt_toolkit
are imported. `ui` shows what the driver asks, `widgets` builds a prompt per question type,
`keys` adds the special actions to every prompt."""
