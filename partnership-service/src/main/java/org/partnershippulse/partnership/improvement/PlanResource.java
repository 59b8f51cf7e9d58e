package org.partnershippulse.partnership.improvement;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.partnershippulse.kit.paging.Page;
import org.partnershippulse.kit.paging.PageParams;
import org.partnershippulse.kit.web.Params;
import org.partnershippulse.kit.web.Versions;

@Path("/partnerships/{partnershipId}")
@Tag(name = "Improvement plans", description = "From results to action: plans, SMART goals linked to a round's findings, "
        + "member organisations' signed commitments and check-ins")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PlanResource {

    private static final String PLANS = "/plans";
    private static final String PLAN = "/plans/{planId}";
    private static final String GOAL = PLAN + "/goals/{goalId}";

    @Inject
    PlanService plans;

    @Inject
    GoalService goals;

    @Inject
    CheckInService checkIns;

    @Inject
    CommitmentService commitments;

    @GET
    @Path(PLANS)
    @Operation(operationId = "listPlans", summary = "List the improvement plans of a partnership",
            description = "The partnership's people and platform administrators; filter by status.")
    @APIResponse(responseCode = "200", description = "One page of plans",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImprovementApi.PlanPage.class)))
    public Page<ImprovementApi.PlanView> list(@PathParam("partnershipId") @Parameter(description = "The partnership's id") UUID partnershipId,
            @Valid @BeanParam PageParams paging,
            @QueryParam("status") @Parameter(description = "Filter by status", schema = @Schema(implementation = PlanStatus.class)) String status) {
        return plans.list(partnershipId, paging, Params.enumValue(PlanStatus.class, status, "status"));
    }

    @POST
    @Path(PLANS)
    @Operation(operationId = "createPlan", summary = "Create an improvement plan",
            description = "Coordinators of the partnership and platform administrators. Check-ins fall due monthly unless"
                    + " another cadence is given, the first one cadence step after startsOn.")
    @APIResponse(responseCode = "201", description = "The plan",
            headers = {@Header(name = "Location", ref = "Location"), @Header(name = "ETag", ref = "ETag")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImprovementApi.PlanView.class)))
    public RestResponse<ImprovementApi.PlanView> create(@PathParam("partnershipId") @Parameter(description = "The partnership's id") UUID partnershipId,
            @NotNull(message = "a JSON body is required") @Valid ImprovementApi.PlanRequest request) {
        ImprovementApi.PlanView created = plans.create(partnershipId, request);
        return RestResponse.ResponseBuilder.<ImprovementApi.PlanView>created(URI.create("/partnerships/" + partnershipId + "/plans/" + created.id()))
                .tag(Versions.etag(created.version())).entity(created).build();
    }

    @GET
    @Path(PLAN)
    @Operation(operationId = "getPlan", summary = "Get an improvement plan",
            description = "The partnership's people and platform administrators: the plan, its next check-in and the check-ins"
                    + " nobody recorded. Its ETag is needed to change it.")
    @APIResponse(responseCode = "200", description = "The plan", headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImprovementApi.PlanView.class)))
    public RestResponse<ImprovementApi.PlanView> get(@PathParam("partnershipId") @Parameter(description = "The partnership's id") UUID partnershipId,
            @PathParam("planId") @Parameter(description = "The plan's id") UUID planId) {
        ImprovementApi.PlanView view = plans.get(partnershipId, planId);
        return RestResponse.ResponseBuilder.ok(view).tag(Versions.etag(view.version())).build();
    }

    @PUT
    @Path(PLAN)
    @Operation(operationId = "updatePlan", summary = "Change a plan's title, schedule or status",
            description = "Coordinators of the partnership and platform administrators; send If-Match with its ETag.")
    @APIResponse(responseCode = "200", description = "The plan updated, with its new ETag", headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImprovementApi.PlanView.class)))
    public RestResponse<ImprovementApi.PlanView> update(@PathParam("partnershipId") @Parameter(description = "The partnership's id") UUID partnershipId,
            @PathParam("planId") @Parameter(description = "The plan's id") UUID planId,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = "The ETag from GET", required = true) String ifMatch,
            @NotNull(message = "a JSON body is required") @Valid ImprovementApi.PlanRequest request) {
        ImprovementApi.PlanView view = plans.update(partnershipId, planId, ifMatch, request);
        return RestResponse.ResponseBuilder.ok(view).tag(Versions.etag(view.version())).build();
    }

    @GET
    @Path("/improvement/overdue")
    @Operation(operationId = "listOverdue", summary = "List overdue check-ins and goals",
            description = "Coordinators of the partnership and platform administrators: scheduled check-ins of active plans"
                    + " nobody recorded, and goals past their due date that are neither DONE nor DROPPED.")
    public ImprovementApi.Overdue overdue(@PathParam("partnershipId") @Parameter(description = "The partnership's id") UUID partnershipId) {
        return plans.overdue(partnershipId);
    }

    // Goals -----------------------------------------------------------------------------------------------------

    @GET
    @Path(PLAN + "/goals")
    @Operation(operationId = "listGoals", summary = "List a plan's goals",
            description = "The partnership's people and platform administrators; each goal with its findings, Thing to try,"
                    + " commitments and latest check-in; filter by status.")
    @APIResponse(responseCode = "200", description = "One page of goals",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImprovementApi.GoalPage.class)))
    public Page<ImprovementApi.GoalView> listGoals(@PathParam("partnershipId") @Parameter(description = "The partnership's id") UUID partnershipId,
            @PathParam("planId") @Parameter(description = "The plan's id") UUID planId, @Valid @BeanParam PageParams paging,
            @QueryParam("status") @Parameter(description = "Filter by status", schema = @Schema(implementation = GoalStatus.class)) String status) {
        return goals.list(partnershipId, planId, paging, Params.enumValue(GoalStatus.class, status, "status"));
    }

    @POST
    @Path(PLAN + "/goals")
    @Operation(operationId = "setGoal", summary = "Set a SMART goal linked to findings of a round",
            description = "Coordinators of the partnership and platform administrators. The owner organisation must be a current"
                    + " member, the owner person hold a role in the partnership; a Thing to try is named by its catalogue key"
                    + " and kept word for word.")
    @APIResponse(responseCode = "201", description = "The goal",
            headers = {@Header(name = "Location", ref = "Location"), @Header(name = "ETag", ref = "ETag")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImprovementApi.GoalView.class)))
    public RestResponse<ImprovementApi.GoalView> setGoal(@PathParam("partnershipId") @Parameter(description = "The partnership's id") UUID partnershipId,
            @PathParam("planId") @Parameter(description = "The plan's id") UUID planId,
            @NotNull(message = "a JSON body is required") @Valid ImprovementApi.GoalRequest request) {
        ImprovementApi.GoalView created = goals.create(partnershipId, planId, request);
        return RestResponse.ResponseBuilder.<ImprovementApi.GoalView>created(URI.create("/partnerships/" + partnershipId + "/plans/"
                        + planId + "/goals/" + created.id()))
                .tag(Versions.etag(created.version())).entity(created).build();
    }

    @GET
    @Path(GOAL)
    @Operation(operationId = "getGoal", summary = "Get a goal",
            description = "The partnership's people and platform administrators. Its ETag is needed to change it.")
    @APIResponse(responseCode = "200", description = "The goal", headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImprovementApi.GoalView.class)))
    public RestResponse<ImprovementApi.GoalView> getGoal(@PathParam("partnershipId") @Parameter(description = "The partnership's id") UUID partnershipId,
            @PathParam("planId") @Parameter(description = "The plan's id") UUID planId,
            @PathParam("goalId") @Parameter(description = "The goal's id") UUID goalId) {
        ImprovementApi.GoalView view = goals.get(partnershipId, planId, goalId);
        return RestResponse.ResponseBuilder.ok(view).tag(Versions.etag(view.version())).build();
    }

    @PUT
    @Path(GOAL)
    @Operation(operationId = "updateGoal", summary = "Change a goal",
            description = "Coordinators of the partnership and platform administrators; send If-Match with its ETag. Its status"
                    + " follows its check-ins.")
    @APIResponse(responseCode = "200", description = "The goal updated, with its new ETag", headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImprovementApi.GoalView.class)))
    public RestResponse<ImprovementApi.GoalView> updateGoal(@PathParam("partnershipId") @Parameter(description = "The partnership's id") UUID partnershipId,
            @PathParam("planId") @Parameter(description = "The plan's id") UUID planId,
            @PathParam("goalId") @Parameter(description = "The goal's id") UUID goalId,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = "The ETag from GET", required = true) String ifMatch,
            @NotNull(message = "a JSON body is required") @Valid ImprovementApi.GoalRequest request) {
        ImprovementApi.GoalView view = goals.update(partnershipId, planId, goalId, ifMatch, request);
        return RestResponse.ResponseBuilder.ok(view).tag(Versions.etag(view.version())).build();
    }

    // Commitments -----------------------------------------------------------------------------------------------

    @GET
    @Path(GOAL + "/commitments")
    @Operation(operationId = "listCommitments", summary = "List the commitments to a goal",
            description = "The partnership's people and platform administrators.")
    public List<ImprovementApi.CommitmentView> listCommitments(@PathParam("partnershipId") @Parameter(description = "The partnership's id") UUID partnershipId,
            @PathParam("planId") @Parameter(description = "The plan's id") UUID planId,
            @PathParam("goalId") @Parameter(description = "The goal's id") UUID goalId) {
        return commitments.list(partnershipId, planId, goalId);
    }

    @POST
    @Path(GOAL + "/commitments")
    @Operation(operationId = "makeCommitment", summary = "Record a member organisation's commitment to a goal",
            description = "Coordinators of the partnership and platform administrators: who contributes what and by when; one"
                    + " per organisation and goal. A person of the organisation then signs it.")
    @APIResponse(responseCode = "201", description = "The commitment, not yet signed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImprovementApi.CommitmentView.class)))
    public RestResponse<ImprovementApi.CommitmentView> makeCommitment(@PathParam("partnershipId") @Parameter(description = "The partnership's id") UUID partnershipId,
            @PathParam("planId") @Parameter(description = "The plan's id") UUID planId,
            @PathParam("goalId") @Parameter(description = "The goal's id") UUID goalId,
            @NotNull(message = "a JSON body is required") @Valid ImprovementApi.CommitmentRequest request) {
        return RestResponse.status(RestResponse.Status.CREATED, commitments.make(partnershipId, planId, goalId, request));
    }

    @POST
    @Path(GOAL + "/commitments/{commitmentId}/signature")
    @Operation(operationId = "signCommitment", summary = "Sign a commitment for its organisation",
            description = "A person of the committing organisation signs for it; coordinators may record a signature given on"
                    + " paper, naming the signer. Signed once.")
    @APIResponse(responseCode = "200", description = "The commitment signed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImprovementApi.CommitmentView.class)))
    public ImprovementApi.CommitmentView signCommitment(@PathParam("partnershipId") @Parameter(description = "The partnership's id") UUID partnershipId,
            @PathParam("planId") @Parameter(description = "The plan's id") UUID planId,
            @PathParam("goalId") @Parameter(description = "The goal's id") UUID goalId,
            @PathParam("commitmentId") @Parameter(description = "The commitment's id") UUID commitmentId,
            @NotNull(message = "a JSON body is required") @Valid ImprovementApi.CommitmentSignatureRequest request) {
        return commitments.sign(partnershipId, planId, goalId, commitmentId, request);
    }

    // Check-ins -------------------------------------------------------------------------------------------------

    @GET
    @Path(PLAN + "/check-ins")
    @Operation(operationId = "listCheckIns", summary = "List a plan's check-ins",
            description = "The partnership's people and platform administrators; latest first.")
    @APIResponse(responseCode = "200", description = "One page of check-ins",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImprovementApi.CheckInPage.class)))
    public Page<ImprovementApi.CheckInView> listCheckIns(@PathParam("partnershipId") @Parameter(description = "The partnership's id") UUID partnershipId,
            @PathParam("planId") @Parameter(description = "The plan's id") UUID planId, @Valid @BeanParam PageParams paging) {
        return checkIns.list(partnershipId, planId, paging);
    }

    @POST
    @Path(PLAN + "/check-ins")
    @Operation(operationId = "recordCheckIn", summary = "Record a check-in",
            description = "Coordinators on any goal of the plan; members on goals their organisation owns or signed a commitment"
                    + " to. Per goal a status, a short note and the value of its measure, for one scheduled date; once per"
                    + " person and date.")
    @APIResponse(responseCode = "201", description = "The check-in",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImprovementApi.CheckInView.class)))
    public RestResponse<ImprovementApi.CheckInView> recordCheckIn(@PathParam("partnershipId") @Parameter(description = "The partnership's id") UUID partnershipId,
            @PathParam("planId") @Parameter(description = "The plan's id") UUID planId,
            @NotNull(message = "a JSON body is required") @Valid ImprovementApi.CheckInRequest request) {
        return RestResponse.status(RestResponse.Status.CREATED, checkIns.record(partnershipId, planId, request));
    }
}
