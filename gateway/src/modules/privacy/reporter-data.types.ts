import { Field, Int, ObjectType } from "type-graphql";

/** What an erasure removed. */
@ObjectType({ description: "The tickets whose reporter data an erasure removed, and how many of the reporter's files went." })
export class ErasureResult {
  @Field(() => [String], { description: "The codes of the tickets anonymized." })
  tickets: string[];

  @Field(() => Int)
  files: number;
}
