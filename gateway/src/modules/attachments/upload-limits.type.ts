import { Field, Int, ObjectType } from "type-graphql";

/** What a site accepts as evidence files, for the desk's composer (the reporter's widgets read them from PublicSite). */
@ObjectType({ description: "What the site accepts as evidence files; POST /uploads and the ticket's limit enforce them." })
export class UploadLimits {
  @Field(() => Int, { description: "Largest file, in bytes." })
  maxUploadBytes: number;

  @Field(() => Int, { description: "Files one ticket may hold in all (the report's, replies' and notes' together)." })
  maxAttachmentsPerTicket: number;

  @Field(() => [String], { description: "Content types accepted, as sniffed from the file's bytes." })
  allowedUploadTypes: string[];
}
