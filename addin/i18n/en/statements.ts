// English source: statements of account, and attaching a document to a reply.
export const statements = {
  dialog: {
    title: 'Statement of account',
    sent: 'Statement {number} sent',
    sending: 'Sending from Outlook.',
    sendingTo: 'Sending from Outlook to {recipient}.',
    inserted: 'Inserted into a reply: review it and send.',
    replyFailed: 'The reply form could not open; the statement is stored, send its PDF yourself.',
    kind: 'Kind of statement',
    openItems: 'Open items',
    activity: 'Activity',
    from: 'From',
    fromAfterDate: 'Choose a day on or before the statement date.',
    to: 'To',
    asOf: 'As of',
    previewFailed: 'The statement could not be previewed',
    preview: 'Preview of the statement',
    notSent: 'The statement was not sent',
    insertIntoReply: 'Insert into reply',
    send: 'Send',
    cancel: 'Cancel',
  },
  attach: {
    /** The line of the reply that carries the document (the agent reads it before sending). */
    body: 'Please find attached a copy of {document}.',
    failed: '{document} could not be attached',
    attached: '{document} attached to a reply',
    notAttached: '{document} was not attached',
    review: 'Review the reply and send it.',
    noReply: 'No reply can open here: select the received email to answer.',
    dismiss: 'Dismiss',
  },
} as const;
