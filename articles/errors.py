"""The newsroom's domain exception, shared by the workflow and revisions."""


class WorkflowError(Exception):
    """A change that cannot happen; the message is fit to show the user."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message
