"""The domain: one RepairService and the steps it runs (prompts, drafting, parsing, reflection, the message), with the schemas, errors and Protocols they share."""
